// io.callguard:callguard-android — the SDK for Android apps: the uniffi
// bindings generated with `android = true`, the idiomatic Kotlin layer shared
// with the JVM bindings, JNA, and libcallguard_ffi.so for three ABIs.
plugins {
    alias(libs.plugins.android.library)
    alias(libs.plugins.kotlin.android)
    `maven-publish`
}

group = "io.callguard"
version = providers.gradleProperty("callguardVersion").getOrElse("0.1.0")

android {
    namespace = "io.callguard"
    compileSdk = 35

    defaultConfig {
        minSdk = 29
        consumerProguardFiles("consumer-rules.pro")
        // src/androidTest: the SDK's scenarios on a device or emulator
        // (.github/workflows/mobile.yml, job android-device).
        testInstrumentationRunner = "androidx.test.runner.AndroidJUnitRunner"
    }

    sourceSets {
        getByName("main") {
            // bindings/build-android.sh writes both (gitignored here):
            //   src/main/kotlin-generated  uniffi's Kotlin, android = true
            //   src/main/jniLibs           libcallguard_ffi.so per ABI (AGP's default jniLibs dir)
            // java.srcDirs: the Kotlin plugin compiles .kt files found there too.
            java.srcDirs("src/main/kotlin-generated", "../kotlin/src")
            jniLibs.srcDirs("src/main/jniLibs")
        }
        // The shared vectors every language tests against, as the test APK's assets.
        getByName("androidTest") {
            assets.srcDirs("../../tests/vectors")
        }
    }

    compileOptions {
        sourceCompatibility = JavaVersion.VERSION_17
        targetCompatibility = JavaVersion.VERSION_17
    }

    publishing {
        singleVariant("release") {
            withSourcesJar()
        }
    }
}

kotlin {
    compilerOptions {
        jvmTarget.set(org.jetbrains.kotlin.gradle.dsl.JvmTarget.JVM_17)
    }
}

dependencies {
    // JNA's AAR carries libjnidispatch.so for every Android ABI; the plain jar does not.
    // api: the generated bindings' public types extend JNA's (RustBuffer : Structure).
    // The POM lists it with <type>aar</type>, so consumers get the AAR too.
    api("net.java.dev.jna:jna:${libs.versions.jna.get()}@aar")
    // The generated Android bindings use @RequiresApi.
    implementation(libs.androidx.annotation)
    // CallGuard.syncList is a suspend function (the shared layer, bindings/kotlin/src).
    api(libs.kotlinx.coroutines.android)
    androidTestImplementation(libs.androidx.test.runner)
    androidTestImplementation(libs.androidx.test.ext.junit)
}

// Fail early with the fix when the generated inputs are missing.
val checkGeneratedInputs by tasks.registering {
    val generated = layout.projectDirectory.file("src/main/kotlin-generated/io/callguard/callguard_ffi.kt")
    val arm64 = layout.projectDirectory.file("src/main/jniLibs/arm64-v8a/libcallguard_ffi.so")
    doLast {
        listOf(generated, arm64).forEach {
            check(it.asFile.exists()) { "${it.asFile} is missing: run bindings/build-android.sh first" }
        }
    }
}
tasks.named("preBuild") { dependsOn(checkGeneratedInputs) }

// AGP creates the "release" component only during afterEvaluate (see android.publishing above).
afterEvaluate {
    publishing {
        publications {
            create<MavenPublication>("release") {
                from(components["release"])
                groupId = "io.callguard"
                artifactId = "callguard-android"
                version = project.version.toString()
                pom {
                    name.set("CallGuard for Android")
                    description.set("Warns bank customers about fake calls before they answer.")
                    licenses {
                        license {
                            name.set("Apache-2.0")
                            url.set("https://www.apache.org/licenses/LICENSE-2.0")
                        }
                    }
                }
            }
        }
    }
}

plugins {
    alias(libs.plugins.android.application)
    alias(libs.plugins.kotlin.android)
}

android {
    namespace = "io.callguard.sample"
    compileSdk = 35

    defaultConfig {
        applicationId = "io.callguard.sample"
        minSdk = 29
        targetSdk = 35
        versionCode = 1
        versionName = "0.1.0"
        ndk {
            // Exactly the ABIs bindings/build-android.sh builds libcallguard_ffi.so for. JNA's
            // AAR also ships x86, armeabi, mips…: without this filter the APK offers those, a
            // 32-bit x86 device installs the x86 slice, finds no libcallguard_ffi.so, and
            // protection is off (CallGuardApp). Keep in step with build-android.sh.
            abiFilters += listOf("arm64-v8a", "armeabi-v7a", "x86_64")
        }
    }

    buildTypes {
        release {
            isMinifyEnabled = true
            proguardFiles(getDefaultProguardFile("proguard-android-optimize.txt"))
            // Testers sideload: sign release builds with the debug key unless you set up your own.
            signingConfig = signingConfigs.getByName("debug")
        }
    }

    buildFeatures {
        buildConfig = true // BuildConfig.DEBUG allows http://localhost syncs in debug builds only
    }

    sourceSets {
        getByName("main") { java.srcDirs("src/main/kotlin") }
        getByName("test") { java.srcDirs("src/test/kotlin") }
    }

    compileOptions {
        sourceCompatibility = JavaVersion.VERSION_17
        targetCompatibility = JavaVersion.VERSION_17
    }

    testOptions {
        unitTests.all { test ->
            test.useJUnitPlatform()
            // The logic tests screen with the real library built for the host
            // (cargo build --release -p callguard-ffi) and the SDK's shared vectors.
            val repo = rootDir.resolve("..")
            test.systemProperty("jna.library.path", repo.resolve("target/release").path)
            test.systemProperty("callguard.vectors", repo.resolve("tests/vectors").path)
        }
    }

    packaging {
        jniLibs { useLegacyPackaging = false } // page-aligned, uncompressed .so (16 KB pages)
    }
}

kotlin {
    compilerOptions {
        jvmTarget.set(org.jetbrains.kotlin.gradle.dsl.JvmTarget.JVM_17)
    }
}

dependencies {
    implementation(project(":callguard"))
    implementation(libs.androidx.core.ktx)
    implementation(libs.androidx.activity.ktx)
    implementation(libs.androidx.lifecycle.runtime.ktx)
    implementation(libs.androidx.work.runtime.ktx)

    // Host-JVM unit tests of the plain-Kotlin logic (the same tests run-jvm-tests.sh runs):
    // the JNA jar brings the desktop libjnidispatch the AAR lacks.
    testImplementation(libs.jna.jvm)
    testImplementation(platform(libs.junit.bom))
    testImplementation(libs.junit.jupiter)
    testImplementation(libs.kotlin.test.junit5)
    testRuntimeOnly(libs.junit.platform.launcher)
}

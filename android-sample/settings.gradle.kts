// The sample app testers install, built together with the CallGuard Android
// library (../bindings/android) as the subproject ":callguard".
// First run ../bindings/build-android.sh (native libraries + Android bindings).
pluginManagement {
    repositories {
        google()
        mavenCentral()
        gradlePluginPortal()
    }
}

dependencyResolutionManagement {
    repositoriesMode.set(RepositoriesMode.FAIL_ON_PROJECT_REPOS)
    repositories {
        google()
        mavenCentral()
    }
    versionCatalogs {
        // One catalog for the library and the sample.
        create("libs") { from(files("../bindings/android/gradle/libs.versions.toml")) }
    }
}

rootProject.name = "callguard-sample"
include(":app")
include(":callguard")
project(":callguard").projectDir = file("../bindings/android")

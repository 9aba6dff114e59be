// The CallGuard Android library (AAR), buildable on its own:
//   bindings/build-android.sh            native libraries + Android-flavoured bindings
//   gradle publishToMavenLocal           io.callguard:callguard-android:<version>
// The sample app includes this build (android-sample/settings.gradle.kts).
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
}

rootProject.name = "callguard-android"

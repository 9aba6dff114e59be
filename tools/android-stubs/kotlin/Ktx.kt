// Compile-only stubs of the Kotlin-only API of the -ktx artefacts the
// sample uses: extension functions and properties carry Kotlin metadata a
// Java stub cannot, so the .pyi stubs (which show them as static methods of
// …Kt classes) cannot stand for them. Signatures from the AndroidX
// reference; every body throws.
@file:Suppress("unused", "UNUSED_PARAMETER")

package androidx.core.content

import android.content.SharedPreferences

/** core-ktx: `SharedPreferences.edit(commit = false) { … }`. */
inline fun SharedPreferences.edit(commit: Boolean = false, action: SharedPreferences.Editor.() -> Unit) {
    throw RuntimeException("Stub!")
}

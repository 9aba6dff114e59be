// lifecycle-runtime-ktx: `LifecycleOwner.lifecycleScope` (a Kotlin extension
// property: see Ktx.kt for why it is written by hand). LifecycleCoroutineScope
// itself comes from the lifecycle-runtime stubs.
@file:Suppress("unused")

package androidx.lifecycle

import androidx.lifecycle.LifecycleCoroutineScope

val LifecycleOwner.lifecycleScope: LifecycleCoroutineScope
    get() = throw RuntimeException("Stub!")

// Compile-only stubs of the two androidx.test classes the library module's
// instrumented tests use (androidx.test:runner 1.6, androidx.test.ext:junit
// 1.2: no .pyi stubs are published). Declarations from the AndroidX
// reference; every body throws. Compiled only with bindings/android's
// src/androidTest, against JUnit 4 (Debian's junit4).
@file:Suppress("unused", "UNUSED_PARAMETER")

package androidx.test.platform.app

import android.app.Instrumentation
import android.os.Bundle

object InstrumentationRegistry {
    @JvmStatic fun getInstrumentation(): Instrumentation = throw RuntimeException("Stub!")
    @JvmStatic fun getArguments(): Bundle = throw RuntimeException("Stub!")
}

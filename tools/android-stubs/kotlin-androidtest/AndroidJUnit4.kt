// androidx.test.ext.junit.runners.AndroidJUnit4 (androidx.test.ext:junit
// 1.2): see AndroidxTest.kt.
@file:Suppress("unused", "UNUSED_PARAMETER")

package androidx.test.ext.junit.runners

import org.junit.runner.Description
import org.junit.runner.Runner
import org.junit.runner.notification.RunNotifier

class AndroidJUnit4(klass: Class<*>) : Runner() {
    override fun getDescription(): Description = throw RuntimeException("Stub!")
    override fun run(notifier: RunNotifier): Unit = throw RuntimeException("Stub!")
}

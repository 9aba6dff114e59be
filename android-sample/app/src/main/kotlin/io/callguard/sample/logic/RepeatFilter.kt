// Plain Kotlin (no android.*): messengers re-post their ringing notification
// (every few seconds, or on each state change); one call gets one warning.
package io.callguard.sample.logic

import io.callguard.Call

class RepeatFilter(private val windowMillis: Long = 60_000) {
    private val seen = LinkedHashMap<String, Long>()

    /** True the first time this caller rings within the window. */
    @Synchronized
    fun isNew(call: Call, nowMillis: Long): Boolean {
        seen.entries.removeAll { nowMillis - it.value >= windowMillis || nowMillis < it.value }
        val key = "${call.channel}|${call.number}|${call.displayName.orEmpty()}"
        if (key in seen) return false
        seen[key] = nowMillis
        return true
    }
}

// Plain Kotlin (no android.*): the tester's way to hand the app a call intent,
// `callguard-sample://intent?jws=…` (a deep link, e.g. `adb shell am start -d`).
// Parsed here rather than with android.net.Uri so it is tested on the JVM and
// so '+' stays '+' (Uri.getQueryParameter decodes it as a space, form-style).
// A real app gets intents by push, never from a link.
package io.callguard.sample.logic

/** What a link or a pasted text carries: the intent's bytes, or why there are none. */
sealed interface IntentPayload {
    data class Bytes(val jws: ByteArray) : IntentPayload {
        override fun equals(other: Any?) = other is Bytes && jws.contentEquals(other.jws)
        override fun hashCode() = jws.contentHashCode()
    }

    /** [code] is one of [IntentLink]'s local codes: not_a_link, no_intent, bad_escape, too_large. */
    data class Unusable(val code: String) : IntentPayload
}

object IntentLink {
    const val SCHEME = "callguard-sample"
    const val HOST = "intent"
    const val PARAM = "jws"

    /**
     * Longest link or text looked at. The SDK refuses intents over 4096 bytes itself; this
     * only keeps a huge paste or extra from being copied and decoded (percent-encoding at
     * most triples 4096 bytes, plus the prefix).
     */
    const val MAX_CHARS = 16 * 1024

    /** The intent in `callguard-sample://intent?jws=…` (percent-decoded, as bytes). */
    fun parse(link: String): IntentPayload {
        if (link.length > MAX_CHARS) return IntentPayload.Unusable("too_large")
        val text = link.trim()
        val schemeEnd = text.indexOf("://")
        if (schemeEnd < 0 || !text.substring(0, schemeEnd).equals(SCHEME, ignoreCase = true)) {
            return IntentPayload.Unusable("not_a_link")
        }
        val rest = text.substring(schemeEnd + 3).substringBefore('#')
        val authorityAndPath = rest.substringBefore('?')
        if (!authorityAndPath.removeSuffix("/").equals(HOST, ignoreCase = true)) {
            return IntentPayload.Unusable("not_a_link")
        }
        val query = if ('?' in rest) rest.substringAfter('?') else ""
        val values = query.split('&').filter { it.substringBefore('=') == PARAM }.map { it.substringAfter('=', "") }
        // Two intents in one link: which one the tester meant is a guess, so neither.
        if (values.size > 1) return IntentPayload.Unusable("not_a_link")
        val raw = values.singleOrNull()?.takeIf { it.isNotEmpty() } ?: return IntentPayload.Unusable("no_intent")
        val bytes = percentDecode(raw) ?: return IntentPayload.Unusable("bad_escape")
        return if (bytes.isEmpty()) IntentPayload.Unusable("no_intent") else IntentPayload.Bytes(bytes)
    }

    /**
     * A pasted or broadcast text: a link as above, or the compact JWS itself (what
     * `callguard intent` prints). Surrounding whitespace (a copied line break) is dropped.
     */
    fun fromText(text: String): IntentPayload {
        if (text.length > MAX_CHARS) return IntentPayload.Unusable("too_large")
        val trimmed = text.trim()
        if (trimmed.startsWith("$SCHEME:", ignoreCase = true)) return parse(trimmed)
        if (trimmed.isEmpty()) return IntentPayload.Unusable("no_intent")
        return IntentPayload.Bytes(trimmed.toByteArray(Charsets.UTF_8))
    }

    /** RFC 3986 percent-decoding to bytes; null on a broken escape. '+' is a plus sign. */
    private fun percentDecode(s: String): ByteArray? {
        val out = java.io.ByteArrayOutputStream(s.length)
        var i = 0
        while (i < s.length) {
            if (s[i] == '%') {
                if (i + 2 >= s.length) return null
                val hi = Character.digit(s[i + 1], 16)
                val lo = Character.digit(s[i + 2], 16)
                if (hi < 0 || lo < 0) return null
                out.write(hi * 16 + lo)
                i += 3
            } else {
                // A run of literal characters, encoded whole (keeps surrogate pairs together).
                val end = s.indexOf('%', i).let { if (it < 0) s.length else it }
                out.write(s.substring(i, end).toByteArray(Charsets.UTF_8))
                i = end
            }
        }
        return out.toByteArray()
    }
}

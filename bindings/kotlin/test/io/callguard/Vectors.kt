// Test support: reads the shared vectors in tests/vectors/ (the very files
// the Rust tests read) with a minimal JSON reader, so the tests need no
// library beyond the Kotlin stdlib.
package io.callguard

import java.io.File
import java.time.Instant

object Vectors {
    val dir: File = File(System.getProperty("callguard.vectors") ?: "tests/vectors")

    fun bytes(rel: String): ByteArray = File(dir, rel).readBytes()
    fun text(rel: String): String = File(dir, rel).readText()
    @Suppress("UNCHECKED_CAST")
    fun json(rel: String): Map<String, Any?> = Json.parse(text(rel)) as Map<String, Any?>
    fun epoch(rfc3339: String): Long = Instant.parse(rfc3339).epochSecond
}

/** Just enough JSON for the vectors: objects, arrays, strings, numbers, literals. */
object Json {
    fun parse(text: String): Any? {
        val p = Parser(text)
        val value = p.value()
        p.ws()
        require(p.i == text.length) { "trailing data at ${p.i}" }
        return value
    }

    private class Parser(val s: String) {
        var i = 0
        fun ws() { while (i < s.length && s[i].isWhitespace()) i++ }
        fun value(): Any? {
            ws()
            return when (val c = s[i]) {
                '{' -> obj()
                '[' -> arr()
                '"' -> str()
                't' -> lit("true", true)
                'f' -> lit("false", false)
                'n' -> lit("null", null)
                else -> if (c == '-' || c.isDigit()) num() else error("unexpected '$c' at $i")
            }
        }
        fun lit(word: String, v: Any?): Any? { require(s.startsWith(word, i)); i += word.length; return v }
        fun num(): Long {
            val start = i
            if (s[i] == '-') i++
            while (i < s.length && s[i].isDigit()) i++
            return s.substring(start, i).toLong()
        }
        fun str(): String {
            val sb = StringBuilder()
            i++ // opening quote
            while (s[i] != '"') {
                if (s[i] == '\\') {
                    i++
                    when (val e = s[i]) {
                        'n' -> sb.append('\n'); 't' -> sb.append('\t'); 'r' -> sb.append('\r')
                        'b' -> sb.append('\b'); 'f' -> sb.append('\u000c')
                        'u' -> { sb.append(s.substring(i + 1, i + 5).toInt(16).toChar()); i += 4 }
                        else -> sb.append(e)
                    }
                } else sb.append(s[i])
                i++
            }
            i++
            return sb.toString()
        }
        fun arr(): List<Any?> {
            val out = mutableListOf<Any?>()
            i++; ws()
            if (s[i] == ']') { i++; return out }
            while (true) {
                out.add(value()); ws()
                if (s[i] == ',') { i++; continue }
                require(s[i] == ']'); i++; return out
            }
        }
        fun obj(): Map<String, Any?> {
            val out = linkedMapOf<String, Any?>()
            i++; ws()
            if (s[i] == '}') { i++; return out }
            while (true) {
                ws(); val k = str(); ws(); require(s[i] == ':'); i++
                out[k] = value(); ws()
                if (s[i] == ',') { i++; continue }
                require(s[i] == '}'); i++; return out
            }
        }
    }
}

@Suppress("UNCHECKED_CAST")
fun Map<String, Any?>.obj(key: String) = this[key] as Map<String, Any?>
@Suppress("UNCHECKED_CAST")
fun Map<String, Any?>.objs(key: String) = this[key] as List<Map<String, Any?>>
fun Map<String, Any?>.str(key: String) = this[key] as String?

// The customer's settings and the last sync's outcome (SharedPreferences).
package io.callguard.sample

import android.content.Context
import androidx.core.content.edit
import io.callguard.sample.logic.DeviceDefaults
import java.util.Locale

class Settings(context: Context) {
    private val prefs = context.getSharedPreferences("callguard", Context.MODE_PRIVATE)

    var syncUrl: String?
        get() = prefs.getString(KEY_SYNC_URL, null)?.takeIf { it.isNotBlank() }
        set(value) = prefs.edit { putString(KEY_SYNC_URL, value?.trim()) }

    /** The bank's feed of reported numbers (its manifest, `feed-manifest.jws`); optional. */
    var feedUrl: String?
        get() = prefs.getString(KEY_FEED_URL, null)?.takeIf { it.isNotBlank() }
        set(value) = prefs.edit { putString(KEY_FEED_URL, value?.trim()) }

    /** Opt-in: ring silently when a bank number is spoofed (the warning is still shown). */
    var silenceSpoofed: Boolean
        get() = prefs.getBoolean(KEY_SILENCE, false)
        set(value) = prefs.edit { putBoolean(KEY_SILENCE, value) }

    var language: String
        get() = prefs.getString(KEY_LANGUAGE, null) ?: DeviceDefaults.language(Locale.getDefault().language)
        set(value) = prefs.edit { putString(KEY_LANGUAGE, value) }

    val lastSyncAt: Long? get() = prefs.getLong(KEY_LAST_SYNC_AT, 0L).takeIf { it > 0 }
    val lastSyncResult: String? get() = prefs.getString(KEY_LAST_SYNC_RESULT, null)

    fun recordSync(atUnixSeconds: Long, result: String) = prefs.edit {
        putLong(KEY_LAST_SYNC_AT, atUnixSeconds)
        putString(KEY_LAST_SYNC_RESULT, result)
    }

    /**
     * Whether the app has asked for a runtime permission before. Android 11+ stops showing the
     * dialog after two denials and gives no way to tell "denied for good" from "never asked"
     * except this and shouldShowRequestPermissionRationale (false in both cases).
     */
    fun wasAsked(permission: String): Boolean = prefs.getBoolean(KEY_ASKED_PREFIX + permission, false)

    fun markAsked(permission: String) = prefs.edit { putBoolean(KEY_ASKED_PREFIX + permission, true) }

    private companion object {
        const val KEY_ASKED_PREFIX = "asked."
        const val KEY_SYNC_URL = "sync_url"
        const val KEY_FEED_URL = "feed_url"
        const val KEY_SILENCE = "silence_spoofed"
        const val KEY_LANGUAGE = "language"
        const val KEY_LAST_SYNC_AT = "last_sync_at"
        const val KEY_LAST_SYNC_RESULT = "last_sync_result"
    }
}

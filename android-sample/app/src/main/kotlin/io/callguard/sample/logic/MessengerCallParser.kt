// Plain Kotlin (no android.*): recognises the incoming-call notification of a
// messenger and turns it into the SDK's Call. MessengerCallListener copies
// the notification's fields into MessengerNotification; this decides.
package io.callguard.sample.logic

import io.callguard.Attestation
import io.callguard.Call
import io.callguard.Channel
import io.callguard.Direction

/**
 * The fields of a posted `StatusBarNotification` that matter, as plain data.
 *
 * @property category `Notification.category` ("call" = `Notification.CATEGORY_CALL`, "msg", …), or null.
 * @property title `extras.getCharSequence(Notification.EXTRA_TITLE)`.
 * @property text `extras.getCharSequence(Notification.EXTRA_TEXT)`.
 * @property subText `extras.getCharSequence(Notification.EXTRA_SUB_TEXT)` (Telegram: the account).
 * @property people `Person.getUri()` of `Notification.EXTRA_PEOPLE_LIST` and the strings of the
 *   legacy `Notification.EXTRA_PEOPLE` ("tel:+7…", "mailto:…", contact URIs).
 * @property isOngoing `Notification.FLAG_ONGOING_EVENT` is set (ringing notifications are: they
 *   belong to the messenger's foreground service).
 * @property callPerson the `Notification.CallStyle` caller (`Notification.EXTRA_CALL_PERSON`,
 *   API 31+), or null when the notification is not a CallStyle one.
 * @property callType `extras.getInt("android.callType")` of a CallStyle notification (set since
 *   API 31, public as `Notification.EXTRA_CALL_TYPE` in API 34): [MessengerCallParser.CALL_TYPE_INCOMING]
 *   and friends; null when absent.
 *
 * Every field may be absent: apps change their layouts between versions, and a listener sees
 * whatever any version posts. The parser never throws on any combination.
 */
data class MessengerNotification(
    val packageName: String,
    val category: String?,
    val title: String?,
    val text: String?,
    val subText: String? = null,
    val people: List<String> = emptyList(),
    val isOngoing: Boolean = false,
    val callPerson: CallPerson? = null,
    val callType: Int? = null,
)

/**
 * The `android.app.Person` of a CallStyle notification, as plain data.
 *
 * @property name `Person.getName()`: the caller as the messenger shows it.
 * @property uri `Person.getUri()`: "tel:+7…" when the app knows the caller's number, a contact
 *   URI, "mailto:…", or null.
 */
data class CallPerson(val name: String?, val uri: String?)

/**
 * Which notifications are incoming messenger calls.
 *
 * What the apps post (EN / RU), as far as their sources and captures show:
 * * WhatsApp (com.whatsapp, com.whatsapp.w4b): title = caller (contact name, or the number
 *   for an unsaved contact, often wrapped in bidi marks), text = "Incoming voice call" /
 *   "Incoming video call" / "Incoming group voice call" — "Входящий аудиозвонок" /
 *   "Входящий видеозвонок"; category "call". Missed calls: "Missed voice call" /
 *   "Пропущенный аудиозвонок"; during the call: "Ongoing voice call" / "Текущий аудиозвонок".
 * * Telegram (org.telegram.messenger, .web): title = "Telegram Call" / "Telegram Video Call"
 *   ("Звонок Telegram" / "Видеозвонок Telegram"), text = caller name, subText = the account;
 *   category "call". Some builds and forks use "Incoming call" / "Входящий звонок".
 *   On Android 12+ (API 31) Telegram posts a `Notification.CallStyle` notification: the title
 *   only, NO text, and the caller only in `EXTRA_CALL_PERSON` ([CallPerson]).
 * * WhatsApp has been seen with no title and the text "WhatsApp voice call", or with the title
 *   "WhatsApp" and the text "Calling you": the caller is then in none of the text fields.
 *   Whether WhatsApp and Viber fill `EXTRA_CALL_PERSON` we found no public capture of: the
 *   person is read for every app, and used whenever it is there.
 * * Viber (com.viber.voip): title = caller, text = "Incoming call" / "Incoming video call" —
 *   "Входящий вызов" / "Входящий видеовызов"; missed: "Missed call" / "Пропущенный вызов".
 *
 * Rules, in order:
 * 1. Only those packages. A category other than "call" (e.g. "msg") is never a call.
 *    A CallStyle type set by the app decides before any text: "incoming" / "screening" is a
 *    call, "ongoing" is not (the call was answered). The app sets it, not the caller.
 * 2. Each app has a *status* field (Telegram: the title, the others: the text) and a *name*
 *    field (the other one). Only the status field is ever read for "missed", "ongoing",
 *    "outgoing", "declined", "ended"…: the name is chosen by the caller, and a fraudster
 *    calling as "Missed call" must not switch the warning off.
 * 3. A status field that *is* an incoming-call phrase (the whole field, so a chat message
 *    that merely mentions a call does not count) makes it a call; the caller is the name field.
 * 4. A status field that says missed/ongoing/… rules it out.
 * 5. If the app swapped its fields, an incoming-call phrase in the name field counts too.
 * 6. Otherwise category "call" on an ongoing notification is a call in a language we do not
 *    know; the caller is the name field.
 * The caller's name is the CallStyle person's name when there is one, else the name field.
 * The caller's number is the CallStyle person's "tel:" URI, else the first "tel:" person of the
 * notification, else "". A name that is (or contains) a phone number — an unsaved contact, or a
 * scammer's "8 800 555-35-35" profile name — is passed as it is: the SDK's core reads the number
 * in the name itself (so iOS and every app get the same rule); with neither, the SDK's verdict
 * is "unknown": nothing shown.
 */
object MessengerCallParser {
    val CHANNELS: Map<String, Channel> = mapOf(
        "com.whatsapp" to Channel.WHATSAPP,
        "com.whatsapp.w4b" to Channel.WHATSAPP,
        "org.telegram.messenger" to Channel.TELEGRAM,
        "org.telegram.messenger.web" to Channel.TELEGRAM,
        "com.viber.voip" to Channel.VIBER,
    )

    /** The package names the listener needs to look at at all. */
    val PACKAGES: Set<String> get() = CHANNELS.keys

    private const val CATEGORY_CALL = "call" // android.app.Notification.CATEGORY_CALL

    /** android.app.Notification.CallStyle.CALL_TYPE_* (the values of "android.callType"). */
    const val CALL_TYPE_UNKNOWN = 0
    const val CALL_TYPE_INCOMING = 1
    const val CALL_TYPE_ONGOING = 2
    const val CALL_TYPE_SCREENING = 3

    private val CALL_WORDS = "(?:call|audio call|voice call|video call)"
    private val RU_CALL_WORDS = "(?:звонок|вызов|аудиозвонок|видеозвонок|видеовызов|аудиовызов|" +
        "голосовой звонок|голосовой вызов|видео звонок|аудио звонок)"
    private val BRANDS = "(?:whatsapp|viber|telegram)"

    /** Whole-field phrases announcing an incoming call. Group 1, when present, is the caller. */
    private val INCOMING = listOf(
        Regex("^incoming(?: group)?(?: $BRANDS)? $CALL_WORDS(?: from (.+))?$"),
        Regex("^$BRANDS(?: group)?(?: voice| video| audio)? call$"),
        Regex("^(.+) is calling(?: you)?$"),
        Regex("^calling you$"),
        Regex("^входящий(?: групповой)?(?: $BRANDS)? $RU_CALL_WORDS(?: (?:от|из) (.+))?$"),
        Regex("^(?:групповой )?(?:звонок|видеозвонок|аудиозвонок|вызов)(?: в)? $BRANDS$"),
        // Before "(.+) звонит": "Вам звонит" is no caller called "вам".
        Regex("^вам звонит(?: (.+))?$"),
        Regex("^(.+) звонит(?: вам)?$"),
    )

    /** Words that make a call notification not an incoming one. */
    private val NOT_INCOMING = listOf(
        Regex("\\bmissed\\b"), Regex("пропущен"),
        Regex("\\bongoing\\b"), Regex("текущ"), Regex("\\bactive call\\b"), Regex("идет (?:звонок|вызов)"),
        Regex("\\boutgoing\\b"), Regex("исходящ"),
        Regex("\\bdeclined\\b"), Regex("отклон"),
        Regex("\\bcall ended\\b"), Regex("заверш"),
        Regex("\\bcall back\\b"), Regex("перезвон"),
        Regex("^calling(?:\\.\\.\\.)?$"), Regex("^ringing"), Regex("^connecting"), Regex("^reconnecting"),
        Regex("^вызов$"), Regex("^звоним"), Regex("^соединение"), Regex("^подключение"), Regex("^гудки"),
    )

    fun parse(n: MessengerNotification): Call? {
        val channel = CHANNELS[n.packageName] ?: return null
        val category = n.category?.lowercase()
        if (category != null && category != CATEGORY_CALL) return null
        if (n.callType == CALL_TYPE_ONGOING) return null
        val incomingByType = n.callType == CALL_TYPE_INCOMING || n.callType == CALL_TYPE_SCREENING

        val title = clean(n.title)
        val text = clean(n.text)
        val statusInTitle = channel == Channel.TELEGRAM
        val status = if (statusInTitle) title else text
        val name = (if (statusInTitle) text else title)?.takeUnless(::isBrand)
        val statusFolded = status?.let(::fold)
        val person = n.callPerson?.name?.let(::clean)?.takeUnless(::isBrand)
        val personNumber = n.callPerson?.uri?.let(::telNumber)
        val statusPhrase = statusFolded?.let(::incoming)
        val namePhrase = name?.let { incoming(fold(it)) }

        val caller: String? = when {
            // The name field can hold the phrase when the app swapped its fields: not a name then.
            incomingByType -> person ?: name.takeIf { namePhrase == null } ?: fromPart(statusPhrase ?: namePhrase)
            statusPhrase != null -> person ?: name ?: fromPart(statusPhrase)
            statusFolded != null && NOT_INCOMING.any { it.containsMatchIn(statusFolded) } -> return null
            namePhrase != null -> person ?: status ?: fromPart(namePhrase)
            category == CATEGORY_CALL && n.isOngoing && (status != null || name != null || person != null) ->
                person ?: name
            else -> return null
        }

        val displayName = caller?.takeUnless(::isBrand)
        val number = personNumber ?: n.people.firstNotNullOfOrNull(::telNumber)
        return Call(
            number = number ?: "",
            channel = channel,
            displayName = displayName,
            attestation = Attestation.NOT_VERIFIED,
            direction = Direction.INCOMING,
            // The messenger resolved the caller to one of the customer's contacts (its number
            // is saved): the name shown is then the customer's own label, not the caller's
            // claim — unless the SDK's contact audit flags that contact.
            savedContact = n.callPerson?.uri?.let(::isContactUri) == true ||
                n.people.any(::isContactUri),
        )
    }

    private fun incoming(folded: String): MatchResult? = INCOMING.firstNotNullOfOrNull { it.matchEntire(folded) }

    /**
     * "Incoming call from X" / "X is calling": X, when the app put the caller into the phrase.
     * Folded (lower case), which is fine: the SDK folds display names before comparing, and
     * never shows them.
     */
    private fun fromPart(match: MatchResult?): String? {
        // Some phrases have no group ("Telegram Call", "Calling you"): groups[1] would throw
        // IndexOutOfBoundsException, and that crashed the listener's process.
        val groups = match?.groups ?: return null
        if (groups.size < 2) return null
        return groups[1]?.value?.trim()?.ifEmpty { null }
    }

    private fun isBrand(s: String): Boolean = fold(s) in setOf("whatsapp", "whatsapp business", "telegram", "viber")

    /** A display string without invisible format characters, or null when nothing is left. */
    private fun clean(s: String?): String? =
        s?.let(::stripInvisible)?.replace(Regex("\\s+"), " ")?.trim()?.ifEmpty { null }

    /** Lower case, ё→е, trailing ellipsis/punctuation and leading emoji/symbols dropped. */
    internal fun fold(s: String): String =
        s.lowercase().replace('ё', 'е')
            .replace("…", "...")
            .trimEnd('.', '!', ' ')
            .trimStart { !it.isLetterOrDigit() && it != '+' }
            .trim()

    private fun stripInvisible(s: String): String = s.filterNot { c ->
        Character.getType(c) == Character.FORMAT.toInt() // bidi marks and embeddings, ZWJ, ZWNJ, BOM…
    }

    /**
     * A contacts-provider lookup URI (`content://com.android.contacts/contacts/lookup/…`): the
     * notification's person is a saved contact. Never the name: a caller can copy a name.
     */
    fun isContactUri(uri: String): Boolean =
        uri.startsWith("content://com.android.contacts/", ignoreCase = true)

    private fun telNumber(uri: String): String? {
        if (!uri.startsWith("tel:", ignoreCase = true)) return null
        return CallDetailsMapper.percentDecode(uri.substring(4)).substringBefore(';').trim().ifEmpty { null }
    }
}

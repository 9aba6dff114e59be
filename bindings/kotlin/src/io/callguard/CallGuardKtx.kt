// The hand-written Kotlin layer over the generated bindings: defaults and
// names that read well at the call site. No logic: every decision is Rust's.
package io.callguard

/** A guard for [homeRegion] (ISO 3166, e.g. "RU") speaking [language] ("en", "ru"). */
fun callGuard(
    homeRegion: String,
    language: String = "en",
    stateDir: String? = null,
    maxListBytes: ULong? = null,
): CallGuard = CallGuard(GuardConfig(homeRegion, language, stateDir, maxListBytes))

/** Screens an incoming call. */
fun CallGuard.screenIncoming(
    number: String,
    channel: Channel = Channel.PHONE,
    displayName: String? = null,
    attestation: Attestation = Attestation.NOT_VERIFIED,
): Screening = screen(Call(number, channel, displayName, attestation, Direction.INCOMING))

/** "Check a number before you call": the customer is about to dial [number]. */
fun CallGuard.checkBeforeCalling(number: String): Screening =
    screen(Call(number, Channel.PHONE, null, Attestation.NOT_VERIFIED, Direction.OUTGOING))

/**
 * "Check before you call" for a whole contact list at once: item i answers
 * [numbers] i, as codes. One trip through the FFI instead of one per number.
 */
fun CallGuard.checkBeforeCalling(numbers: List<String>): List<ScreeningCode> =
    screenMany(numbers.map { Call(it, Channel.PHONE, null, Attestation.NOT_VERIFIED, Direction.OUTGOING) })

/** Loads a signed list from its text (the JWS as downloaded). */
fun CallGuard.loadList(jws: String): ListInfo = loadList(jws.toByteArray(Charsets.UTF_8))

/** True when the customer must see a warning before answering. */
val Screening.isDanger: Boolean get() = risk == Risk.DANGER

/** The SDK's log lines to a lambda, e.g. `setLogger { level, msg -> Log.i("CallGuard", msg) }`. */
fun setLogger(block: (LogLevel, String) -> Unit) {
    setLogger(object : Logger {
        override fun log(level: LogLevel, message: String) = block(level, message)
    })
}

/**
 * Syncs on [kotlinx.coroutines.Dispatchers.IO]. Cancelling the coroutine
 * abandons the wait, not the work: the download finishes or times out in
 * the background, and the state directory is only ever replaced atomically
 * with a verified list, so no cancellation can leave a half-written state.
 */
suspend fun CallGuard.syncList(url: String): SyncOutcome =
    kotlinx.coroutines.withContext(kotlinx.coroutines.Dispatchers.IO) { sync(url) }

/**
 * Syncs the feed of reported numbers at [url] (its manifest; then a delta or
 * the full blob, hash-checked) on [kotlinx.coroutines.Dispatchers.IO]. The
 * same cancellation rule as [syncList]: a feed is only ever put in force
 * whole and verified, so abandoning the wait cannot leave half a feed.
 */
suspend fun CallGuard.syncFeedSuspending(url: String): FeedSyncOutcome =
    kotlinx.coroutines.withContext(kotlinx.coroutines.Dispatchers.IO) { syncFeed(url) }

/**
 * Reports a call event (in-call protection) on [kotlinx.coroutines.Dispatchers.IO]:
 * with a state directory it takes the directory's lock and writes a small
 * file. The event counts for this process even if the coroutine is
 * cancelled or [CallGuardException.Storage] is thrown.
 */
suspend fun CallGuard.reportCallEventSuspending(event: CallEvent) =
    kotlinx.coroutines.withContext(kotlinx.coroutines.Dispatchers.IO) { reportCallEvent(event) }

/** The advice before [action] (reads the state directory) on [kotlinx.coroutines.Dispatchers.IO]. */
suspend fun CallGuard.adviseActionSuspending(action: SensitiveAction): ActionAdvice =
    kotlinx.coroutines.withContext(kotlinx.coroutines.Dispatchers.IO) { adviseAction(action) }

/** A call the SDK screened on [channel], as the event that starts its record. */
fun Screening.asCallEvent(callId: String, channel: Channel): CallEvent = CallEvent.Screened(callId, this, channel)

// The tester's screen: status (protection, role, contacts, notification access, lists, announced
// calls, last sync), announced calls for testing (audience id, a pasted intent, the deep link
// callguard-sample://intent?jws=…), "check a number before you call", settings. Plain Views,
// built in code.
package io.callguard.sample

import android.Manifest
import android.app.AlertDialog
import android.app.role.RoleManager
import android.content.ClipData
import android.content.ClipboardManager
import android.content.ComponentName
import android.content.Intent
import android.content.pm.PackageManager
import android.graphics.Typeface
import android.net.Uri
import android.os.Build
import android.os.Bundle
import android.provider.Settings as AndroidSettings
import android.text.InputType
import android.util.TypedValue
import android.view.View
import android.widget.Button
import android.widget.EditText
import android.widget.LinearLayout
import android.widget.RadioButton
import android.widget.RadioGroup
import android.widget.ScrollView
import android.widget.Switch
import android.widget.TextView
import android.widget.Toast
import androidx.activity.ComponentActivity
import androidx.activity.result.contract.ActivityResultContracts
import androidx.core.app.NotificationManagerCompat
import androidx.core.content.ContextCompat
import androidx.lifecycle.lifecycleScope
import androidx.work.ExistingWorkPolicy
import io.callguard.checkBeforeCalling
import io.callguard.sample.logic.InboxResult
import io.callguard.sample.logic.IntentInbox
import io.callguard.sample.logic.IntentStatus
import io.callguard.sample.logic.Protection
import io.callguard.sample.logic.SafeStart
import io.callguard.sample.logic.StatusFormatter
import io.callguard.sample.logic.SyncRound
import io.callguard.syncFeedSuspending
import io.callguard.syncList
import kotlinx.coroutines.Dispatchers
import kotlinx.coroutines.launch
import kotlinx.coroutines.withContext
import java.time.Instant
import java.time.ZoneId

class MainActivity : ComponentActivity() {
    private val app get() = application as CallGuardApp

    private lateinit var status: TextView
    private lateinit var roleButton: Button
    private lateinit var contactsButton: Button
    private lateinit var accessButton: Button
    private lateinit var notifyButton: Button
    private lateinit var fullScreenButton: Button
    private lateinit var checkResult: TextView
    private lateinit var syncResult: TextView
    private lateinit var audience: TextView
    private lateinit var intentResult: TextView
    /** This install's audience id, as the last [refresh] read it. */
    private var audienceId: String? = null

    private val roleRequest = registerForActivityResult(ActivityResultContracts.StartActivityForResult()) { refresh() }
    private val notificationPermission = registerForActivityResult(ActivityResultContracts.RequestPermission()) { refresh() }
    private val contactsPermission = registerForActivityResult(ActivityResultContracts.RequestPermission()) { refresh() }

    override fun onCreate(savedInstanceState: Bundle?) {
        super.onCreate(savedInstanceState)
        val column = LinearLayout(this).apply {
            orientation = LinearLayout.VERTICAL
            val pad = dp(16)
            setPadding(pad, pad, pad, pad)
        }

        // --- status -------------------------------------------------------------
        column.addView(heading("Status"))
        status = label("")
        column.addView(status)
        roleButton = button("Make CallGuard the call-screening app") { requestRole() }
        contactsButton = button("Allow contacts (check calls from saved numbers too)") { explainContacts() }
        accessButton = button("Allow notification access (messenger calls)") { openNotificationAccess() }
        notifyButton = button("Allow notifications") { requestNotifications() }
        fullScreenButton = button("Allow full-screen warnings") { openFullScreenSettings() }
        listOf(roleButton, contactsButton, accessButton, notifyButton, fullScreenButton).forEach(column::addView)
        column.addView(label(RESTRICTED_SETTINGS_HELP, small = true))
        // Saved contacts a fraudster could hide behind (the bank's hotline, a "security
        // service" the customer was asked to save): the SDK's contact audit.
        column.addView(button("Check my contacts") { startActivity(Intent(this, ContactsActivity::class.java)) })
        column.addView(button("Transfer (in-call protection)") { startActivity(Intent(this, TransferActivity::class.java)) })
        column.addView(button("Open app info") {
            startActivity(Intent(AndroidSettings.ACTION_APPLICATION_DETAILS_SETTINGS, Uri.fromParts("package", packageName, null)))
        })

        // --- announced calls (testing) -------------------------------------------------
        // A real app registers its audience id with the bank's backend and receives intents
        // by push; a tester makes one with `callguard intent` and pastes it or sends the link.
        column.addView(heading("Announced calls (testing)"))
        audience = label("", small = true)
        column.addView(audience)
        column.addView(button("Copy audience id") { copyAudience() })
        val pasted = EditText(this).apply {
            hint = "eyJhbGciOi… (callguard intent output) or callguard-sample://intent?jws=…"
            inputType = InputType.TYPE_CLASS_TEXT or InputType.TYPE_TEXT_FLAG_NO_SUGGESTIONS
            maxLines = 3
        }
        column.addView(pasted)
        column.addView(button("Accept pasted intent") {
            takeIntent { inbox -> inbox.fromText(pasted.text.toString()) }
            pasted.text.clear()
        })
        intentResult = label("", small = true)
        column.addView(intentResult)

        // --- check before you call ----------------------------------------------
        column.addView(heading("Check a number before you call"))
        column.addView(label("Someone asked you to call a number \"back\"? Check it first.", small = true))
        val number = EditText(this).apply {
            hint = "+7 800 555-35-35"
            inputType = InputType.TYPE_CLASS_PHONE
        }
        column.addView(number)
        checkResult = label("")
        column.addView(button("Check") { check(number.text.toString()) })
        column.addView(checkResult)

        // --- settings --------------------------------------------------------------
        column.addView(heading("Settings"))
        val url = EditText(this).apply {
            hint = "https://lists.example/bank.jws"
            inputType = InputType.TYPE_CLASS_TEXT or InputType.TYPE_TEXT_VARIATION_URI
            setText(app.settings.syncUrl.orEmpty())
        }
        column.addView(label("List URL", small = true))
        column.addView(url)
        val feedUrl = EditText(this).apply {
            hint = "https://lists.example/feed-manifest.jws (optional)"
            inputType = InputType.TYPE_CLASS_TEXT or InputType.TYPE_TEXT_VARIATION_URI
            setText(app.settings.feedUrl.orEmpty())
        }
        column.addView(label("Feed URL (numbers reported as fraud or spam)", small = true))
        column.addView(feedUrl)
        syncResult = label("", small = true)
        column.addView(button("Save and sync now") { syncNow(url.text.toString(), feedUrl.text.toString()) })
        column.addView(syncResult)

        @Suppress("DEPRECATION") // android.widget.Switch: no AppCompat/Material dependency in the sample
        val silence = Switch(this).apply {
            text = "Silence the ringing of spoofed bank numbers (the warning is still shown; calls are never rejected)"
            isChecked = app.settings.silenceSpoofed
            setOnCheckedChangeListener { _, on -> app.settings.silenceSpoofed = on }
        }
        column.addView(silence)

        column.addView(label("Language of the warnings", small = true))
        val languages = RadioGroup(this).apply { orientation = RadioGroup.HORIZONTAL }
        for ((code, label) in listOf("en" to "English", "ru" to "Русский", "uk" to "Українська", "kk" to "Қазақша")) {
            languages.addView(RadioButton(this).apply {
                id = View.generateViewId()
                text = label
                tag = code
                isChecked = app.settings.language == code
            })
        }
        languages.setOnCheckedChangeListener { group, checkedId ->
            val code = group.findViewById<RadioButton>(checkedId)?.tag as? String ?: return@setOnCheckedChangeListener
            if (code == app.settings.language) return@setOnCheckedChangeListener
            lifecycleScope.launch {
                withContext(Dispatchers.IO) { runCatching { app.setLanguage(code) } }
                refresh()
            }
        }
        column.addView(languages)

        setContentView(ScrollView(this).apply {
            fitsSystemWindows = true // edge-to-edge (targetSdk 35): keep clear of the bars
            addView(column)
        })
        // Opened by the deep link (not again after a rotation: the same link was handled).
        if (savedInstanceState == null) takeLink(intent)
    }

    /** singleTop: a deep link while the app is open arrives here. */
    override fun onNewIntent(intent: Intent) {
        super.onNewIntent(intent)
        setIntent(intent)
        takeLink(intent)
    }

    override fun onResume() {
        super.onResume()
        refresh()
    }

    // --- status -------------------------------------------------------------------

    private fun refresh() {
        lifecycleScope.launch {
            // A sync in another process (or instance) may have stored a newer list: pick it up.
            val lists = withContext(Dispatchers.IO) {
                runCatching { app.guard().also { it.reload() }.let { it.lists() to it.feeds() } }
            }
            val now = Instant.now()
            val zone = ZoneId.systemDefault()
            // The announced calls valid now (the SDK drops what is over or no longer vouched for).
            val announced = withContext(Dispatchers.IO) {
                runCatching { app.guard().let { IntentStatus.lines(it.activeIntents(), now, zone) to it.intentAudience() } }
            }
            val roleHeld = roleManager()?.let {
                it.isRoleAvailable(RoleManager.ROLE_CALL_SCREENING) && it.isRoleHeld(RoleManager.ROLE_CALL_SCREENING)
            } ?: false
            val contacts = granted(Manifest.permission.READ_CONTACTS)
            val overlay = AndroidSettings.canDrawOverlays(this@MainActivity)
            val access = NotificationManagerCompat.getEnabledListenerPackages(this@MainActivity).contains(packageName)
            val notifications = NotificationManagerCompat.from(this@MainActivity).areNotificationsEnabled()
            val fullScreen = WarningNotifier.canUseFullScreenIntent(this@MainActivity)
            val lines = buildList<String> {
                add(SafeStart.statusLine(app.protection))
                add("Call screening: " + if (roleHeld) "on" else "OFF — phone calls are not checked")
                add("Saved contacts: " + if (contacts) "checked" else "NOT checked — Android skips the screening app for numbers in your contacts")
                add("Messenger calls: " + if (access) "on" else "OFF — no notification access")
                add("Notifications: " + if (notifications) "allowed" else "BLOCKED — warnings cannot be shown")
                add("Full-screen warnings: " + if (fullScreen) "allowed" else "not allowed — heads-up only")
                // Android 11+ grants "display over other apps" to the call-screening role holder
                // that requests it; shown so testers can report what their phone does (README).
                add("Display over other apps: " + if (overlay) "granted" else "not granted")
                lists.onSuccess { (inForce, feeds) ->
                    addAll(StatusFormatter.listLines(inForce, now))
                    addAll(StatusFormatter.feedLines(feeds, now))
                }
                announced.onSuccess { addAll(it.first) }
                lists.onFailure { e ->
                    if (app.protection !is Protection.Off) {
                        add("CallGuard could not start: " + SafeStart.reasonFor(e))
                    }
                }
                add(StatusFormatter.lastSync(app.settings.lastSyncAt, app.settings.lastSyncResult))
                add("App ${BuildConfig.VERSION_NAME}, region ${runCatching { homeRegionHint() }.getOrDefault("?")}")
            }
            status.text = lines.joinToString("\n")
            audienceId = announced.getOrNull()?.second
            audience.text = announced.fold({ IntentStatus.audienceLine(it.second) }, { "Audience id: unavailable (CallGuard is not running)" })
            roleButton.visibility = if (roleHeld) View.GONE else View.VISIBLE
            contactsButton.visibility = if (contacts) View.GONE else View.VISIBLE
            accessButton.visibility = if (access) View.GONE else View.VISIBLE
            notifyButton.visibility = if (notifications) View.GONE else View.VISIBLE
            fullScreenButton.visibility =
                if (fullScreen || Build.VERSION.SDK_INT < Build.VERSION_CODES.UPSIDE_DOWN_CAKE) View.GONE else View.VISIBLE
        }
    }

    private fun homeRegionHint(): String {
        val tm = getSystemService(android.telephony.TelephonyManager::class.java)
        return io.callguard.sample.logic.DeviceDefaults.homeRegion(tm?.simCountryIso, tm?.networkCountryIso, resources.configuration.locales[0].country)
    }

    private fun roleManager(): RoleManager? = getSystemService(RoleManager::class.java)

    private fun requestRole() {
        val rm = roleManager() ?: return
        if (!rm.isRoleAvailable(RoleManager.ROLE_CALL_SCREENING)) {
            status.append("\nThis phone offers no call-screening role.")
            return
        }
        roleRequest.launch(rm.createRequestRoleIntent(RoleManager.ROLE_CALL_SCREENING))
    }

    private fun openNotificationAccess() {
        val intent = if (Build.VERSION.SDK_INT >= Build.VERSION_CODES.R) {
            Intent(AndroidSettings.ACTION_NOTIFICATION_LISTENER_DETAIL_SETTINGS).putExtra(
                AndroidSettings.EXTRA_NOTIFICATION_LISTENER_COMPONENT_NAME,
                ComponentName(this, MessengerCallListener::class.java).flattenToString(),
            )
        } else {
            Intent(AndroidSettings.ACTION_NOTIFICATION_LISTENER_SETTINGS)
        }
        runCatching { startActivity(intent) }.onFailure { startActivity(Intent(AndroidSettings.ACTION_NOTIFICATION_LISTENER_SETTINGS)) }
    }

    private fun requestNotifications() {
        val permission = Manifest.permission.POST_NOTIFICATIONS
        if (Build.VERSION.SDK_INT >= Build.VERSION_CODES.TIRAMISU && !granted(permission) && canAsk(permission)) {
            app.settings.markAsked(permission)
            notificationPermission.launch(permission)
        } else {
            // Granted but switched off, or denied twice (Android 11+ then shows no dialog and
            // the request returns "denied" at once): only the settings screen can change it.
            openOrAppInfo(Intent(AndroidSettings.ACTION_APP_NOTIFICATION_SETTINGS).putExtra(AndroidSettings.EXTRA_APP_PACKAGE, packageName))
        }
    }

    /**
     * READ_CONTACTS: Telecom does not bind a call-screening app without it when the caller is
     * one of the customer's contacts (AOSP CallScreeningServiceFilter). A spoofed bank hotline
     * the customer saved as "Bank" is exactly the call that must be checked. The app never
     * reads the contacts: holding the permission is what makes Telecom ask it.
     */
    private fun explainContacts() {
        AlertDialog.Builder(this)
            .setTitle("Check calls from saved numbers")
            .setMessage(CONTACTS_EXPLANATION)
            .setPositiveButton("Continue") { _, _ -> requestContacts() }
            .setNegativeButton("Not now", null)
            .show()
    }

    private fun requestContacts() {
        val permission = Manifest.permission.READ_CONTACTS
        if (canAsk(permission)) {
            app.settings.markAsked(permission)
            contactsPermission.launch(permission)
        } else {
            // Denied twice: Settings → Apps → CallGuard → Permissions → Contacts.
            openOrAppInfo(Intent(AndroidSettings.ACTION_APPLICATION_DETAILS_SETTINGS, Uri.fromParts("package", packageName, null)))
        }
    }

    private fun granted(permission: String) =
        ContextCompat.checkSelfPermission(this, permission) == PackageManager.PERMISSION_GRANTED

    /** The system dialog can still appear: never asked, or denied once (the rationale case). */
    private fun canAsk(permission: String) =
        !app.settings.wasAsked(permission) || shouldShowRequestPermissionRationale(permission)

    private fun openOrAppInfo(intent: Intent) {
        runCatching { startActivity(intent) }.onFailure {
            startActivity(Intent(AndroidSettings.ACTION_APPLICATION_DETAILS_SETTINGS, Uri.fromParts("package", packageName, null)))
        }
    }

    private fun openFullScreenSettings() {
        if (Build.VERSION.SDK_INT >= Build.VERSION_CODES.UPSIDE_DOWN_CAKE) {
            startActivity(Intent(AndroidSettings.ACTION_MANAGE_APP_USE_FULL_SCREEN_INTENT, Uri.fromParts("package", packageName, null)))
        }
    }

    // --- announced calls (testing) ------------------------------------------------------

    private fun takeLink(intent: Intent?) {
        if (intent?.action != Intent.ACTION_VIEW) return
        val link = intent.dataString ?: return
        takeIntent { inbox -> inbox.fromLink(link) }
    }

    /** Hands an intent to the SDK off the main thread; shows the one-sentence result. */
    private fun takeIntent(deliver: (IntentInbox) -> InboxResult) {
        lifecycleScope.launch {
            val result = withContext(Dispatchers.IO) {
                val inbox = IntentInbox({ app.guard().receiveIntent(it) }, ZoneId.systemDefault())
                // Errors too: app.guard() rethrows what stopped the native side from starting.
                runCatching { deliver(inbox) }.getOrElse { InboxResult.Refused("failed", "Could not check it: " + SafeStart.reasonFor(it)) }
            }
            intentResult.text = result.text
            Toast.makeText(this@MainActivity, result.text, Toast.LENGTH_LONG).show()
            refresh()
        }
    }

    private fun copyAudience() {
        val id = audienceId ?: return
        getSystemService(ClipboardManager::class.java)?.setPrimaryClip(ClipData.newPlainText("CallGuard audience id", id))
        Toast.makeText(this, "Audience id copied", Toast.LENGTH_SHORT).show()
    }

    // --- check before you call -----------------------------------------------------

    private fun check(number: String) {
        if (number.isBlank()) return
        lifecycleScope.launch {
            val result = withContext(Dispatchers.IO) { runCatching { app.guard().checkBeforeCalling(number) } }
            checkResult.text = result.fold(
                onSuccess = { s ->
                    buildString {
                        append(s.title).append('\n').append(s.message)
                        s.label?.let { append("\n").append(it) }
                    }
                },
                onFailure = { "Could not check: ${it.javaClass.simpleName}" },
            )
        }
    }

    // --- settings --------------------------------------------------------------------

    private fun syncNow(url: String, feedUrl: String) {
        app.settings.syncUrl = url
        app.settings.feedUrl = feedUrl
        val listUrl = url.trim().ifEmpty { null }
        val manifestUrl = feedUrl.trim().ifEmpty { null }
        if (listUrl == null && manifestUrl == null) { syncResult.text = "No URL: nothing to sync."; return }
        syncResult.text = "Syncing…"
        lifecycleScope.launch {
            val now = System.currentTimeMillis() / 1000
            val message = try {
                val guard = withContext(Dispatchers.IO) { app.guard() }
                // The list and the feed independently: a refused feed never keeps the list stale.
                val round = SyncRound.run(
                    list = listUrl?.let { u -> suspend { guard.syncList(u) } },
                    feed = manifestUrl?.let { u -> suspend { guard.syncFeedSuspending(u) } },
                )
                app.settings.recordSync(now, round.status)
                SyncWorker.schedule(this@MainActivity, guard.nextSyncAt(), ExistingWorkPolicy.REPLACE)
                round.status + if (round.status.contains("refused")) " (the last good one stays in force)" else ""
            } catch (e: Exception) {
                "Failed: ${e.javaClass.simpleName}: ${e.message}"
            }
            syncResult.text = message
            refresh()
        }
    }

    // --- views -----------------------------------------------------------------------

    private fun heading(s: String) = TextView(this).apply {
        text = s
        setTypeface(typeface, Typeface.BOLD)
        setTextSize(TypedValue.COMPLEX_UNIT_SP, 20f)
        setPadding(0, dp(20), 0, dp(8))
    }

    private fun label(s: String, small: Boolean = false) = TextView(this).apply {
        text = s
        setTextSize(TypedValue.COMPLEX_UNIT_SP, if (small) 13f else 15f)
        setTextIsSelectable(true)
    }

    private fun button(label: String, onClick: () -> Unit) = Button(this).apply {
        text = label
        setOnClickListener { onClick() }
    }

    private fun dp(v: Int) = (v * resources.displayMetrics.density).toInt()

    private companion object {
        const val CONTACTS_EXPLANATION =
            "Android does not let the call-screening app check a call from a number saved in your " +
                "contacts unless it may read contacts. Fraudsters fake the numbers people save — " +
                "a call that shows \"Bank\" from your contacts may not be the bank. Allow Contacts so " +
                "these calls are checked too. CallGuard never reads, stores or sends your contacts."
        const val RESTRICTED_SETTINGS_HELP =
            "Notification access lets CallGuard see that WhatsApp, Telegram or Viber is ringing, and who " +
                "calls; it reads nothing else and sends nothing anywhere. On Android 13+ an app installed " +
                "from a file (not from a store) may find that switch greyed out (\"restricted setting\"): " +
                "open Settings → Apps → CallGuard → ⋮ (top right) → Allow restricted settings, confirm, " +
                "then allow notification access again."
    }
}

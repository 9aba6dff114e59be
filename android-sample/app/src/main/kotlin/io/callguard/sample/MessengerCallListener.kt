// Reads the ringing-call notifications of WhatsApp, Telegram and Viber
// (notification access, granted by the customer) and warns when the caller
// is a bank's number used where the bank does not call from, or a name
// that claims a bank. It never touches the messenger's notification.
package io.callguard.sample

import android.app.Notification
import android.app.Person
import android.os.Build
import android.os.Bundle
import android.service.notification.NotificationListenerService
import android.service.notification.StatusBarNotification
import android.util.Log
import androidx.core.os.BundleCompat
import io.callguard.sample.logic.CallPerson
import io.callguard.sample.logic.CallSource
import io.callguard.sample.logic.MessengerCallParser
import io.callguard.sample.logic.MessengerNotification
import io.callguard.sample.logic.WarningPresenter

class MessengerCallListener : NotificationListenerService() {
    override fun onNotificationPosted(sbn: StatusBarNotification) {
        // Called on the main looper with no catch around it: anything thrown here (a layout a
        // messenger version invents, a Parcel that does not unparcel, our own bug) would kill
        // the whole process, the call screening included. No notification is worth that.
        try {
            handle(sbn)
        } catch (t: Throwable) {
            // The class only: a message could carry the caller's name.
            Log.e(CallGuardApp.TAG, "messenger notification skipped: ${t.javaClass.name}")
        }
    }

    /** A messenger's call notification went away: that call ended (in-call protection). */
    override fun onNotificationRemoved(sbn: StatusBarNotification) {
        try {
            if (sbn.packageName in MessengerCallParser.PACKAGES) (application as CallGuardApp).inCall.notificationRemoved(sbn.key)
        } catch (t: Throwable) {
            Log.e(CallGuardApp.TAG, "messenger notification removal skipped: ${t.javaClass.name}")
        }
    }

    /** The messenger call a notification shows, if it shows one. */
    private fun parse(sbn: StatusBarNotification): io.callguard.Call? {
        if (sbn.packageName !in MessengerCallParser.PACKAGES) return null
        val n = sbn.notification ?: return null
        val extras = n.extras ?: return null
        val people = buildList<String> {
            BundleCompat.getParcelableArrayList(extras, Notification.EXTRA_PEOPLE_LIST, Person::class.java)
                ?.mapNotNullTo(this) { it.uri }
            @Suppress("DEPRECATION")
            extras.getStringArray(Notification.EXTRA_PEOPLE)?.let { addAll(it) }
        }
        return MessengerCallParser.parse(
            MessengerNotification(
                packageName = sbn.packageName,
                category = n.category,
                title = extras.getCharSequence(Notification.EXTRA_TITLE)?.toString(),
                text = extras.getCharSequence(Notification.EXTRA_TEXT)?.toString(),
                subText = extras.getCharSequence(Notification.EXTRA_SUB_TEXT)?.toString(),
                people = people,
                isOngoing = (n.flags and Notification.FLAG_ONGOING_EVENT) != 0,
                callPerson = callPerson(extras),
                callType = callType(extras),
            ),
        )
    }

    /**
     * (Re)connected, e.g. when the app starts again after it was killed during a call: the
     * messenger calls whose notifications are up are on (in-call protection), so nothing
     * reports "no call" while they are. Screened again only when they ring anew.
     */
    override fun onListenerConnected() {
        try {
            val app = application as CallGuardApp
            activeNotifications?.forEach { sbn -> if (parse(sbn) != null) app.inCall.messengerCallSeen(sbn.key) }
        } catch (t: Throwable) {
            Log.e(CallGuardApp.TAG, "active notifications skipped: ${t.javaClass.name}")
        }
    }

    private fun handle(sbn: StatusBarNotification) {
        val parsed = parse(sbn) ?: return

        val app = application as CallGuardApp
        if (!app.repeatFilter.isNew(parsed, System.currentTimeMillis())) return
        val id = WarningNotifier.idFor(parsed)
        val fullScreen = WarningNotifier.canUseFullScreenIntent(this)
        val decision = app.decider.decide(parsed) { late ->
            app.inCall.screened(sbn.key, late, parsed.channel)
            WarningNotifier.show(this, WarningPresenter.present(late, CallSource.MESSENGER, false, fullScreen), id)
        }
        val content = WarningPresenter.present(decision.screening, CallSource.MESSENGER, false, fullScreen)
        WarningNotifier.show(this, content, id)
        // In-call protection: the notification's key is the call's id; its removal, the end.
        decision.screening?.let { app.inCall.screened(sbn.key, it, parsed.channel) }
    }

    /**
     * The caller of a `Notification.CallStyle` notification (API 31+). Telegram on Android 12+
     * puts the caller only here: its title is "Telegram Call" and it has no text.
     */
    private fun callPerson(extras: Bundle): CallPerson? {
        if (Build.VERSION.SDK_INT < Build.VERSION_CODES.S) return null
        val person = BundleCompat.getParcelable(extras, Notification.EXTRA_CALL_PERSON, Person::class.java) ?: return null
        return CallPerson(name = person.name?.toString(), uri = person.uri)
    }

    /**
     * CallStyle's call type (incoming / ongoing / screening). Set since API 31 under
     * "android.callType"; the constant `Notification.EXTRA_CALL_TYPE` is public from API 34.
     */
    private fun callType(extras: Bundle): Int? {
        if (Build.VERSION.SDK_INT < Build.VERSION_CODES.S || !extras.containsKey(EXTRA_CALL_TYPE)) return null
        return extras.getInt(EXTRA_CALL_TYPE, MessengerCallParser.CALL_TYPE_UNKNOWN)
    }

    private companion object {
        /** = Notification.EXTRA_CALL_TYPE (API 34), the same key since API 31. */
        const val EXTRA_CALL_TYPE = "android.callType"
    }
}

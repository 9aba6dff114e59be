// Reads the ringing-call notifications of WhatsApp, Telegram and Viber
// (notification access, granted by the customer) and warns when the caller
// is a bank's number used where the bank does not call from, or a name
// that claims a bank. It never touches the messenger's notification.
package io.callguard.sample

import android.app.Notification
import android.app.Person
import android.service.notification.NotificationListenerService
import android.service.notification.StatusBarNotification
import androidx.core.os.BundleCompat
import io.callguard.sample.logic.CallSource
import io.callguard.sample.logic.MessengerCallParser
import io.callguard.sample.logic.MessengerNotification
import io.callguard.sample.logic.WarningPresenter

class MessengerCallListener : NotificationListenerService() {
    override fun onNotificationPosted(sbn: StatusBarNotification) {
        if (sbn.packageName !in MessengerCallParser.PACKAGES) return
        val n = sbn.notification ?: return
        val extras = n.extras ?: return
        val people = buildList<String> {
            BundleCompat.getParcelableArrayList(extras, Notification.EXTRA_PEOPLE_LIST, Person::class.java)
                ?.mapNotNullTo(this) { it.uri }
            @Suppress("DEPRECATION")
            extras.getStringArray(Notification.EXTRA_PEOPLE)?.let { addAll(it) }
        }
        val parsed = MessengerCallParser.parse(
            MessengerNotification(
                packageName = sbn.packageName,
                category = n.category,
                title = extras.getCharSequence(Notification.EXTRA_TITLE)?.toString(),
                text = extras.getCharSequence(Notification.EXTRA_TEXT)?.toString(),
                subText = extras.getCharSequence(Notification.EXTRA_SUB_TEXT)?.toString(),
                people = people,
                isOngoing = (n.flags and Notification.FLAG_ONGOING_EVENT) != 0,
            ),
        ) ?: return

        val app = application as CallGuardApp
        if (!app.repeatFilter.isNew(parsed, System.currentTimeMillis())) return
        val id = WarningNotifier.idFor(parsed)
        val fullScreen = WarningNotifier.canUseFullScreenIntent(this)
        val decision = app.decider.decide(parsed) { late ->
            WarningNotifier.show(this, WarningPresenter.present(late, CallSource.MESSENGER, false, fullScreen), id)
        }
        val content = WarningPresenter.present(decision.screening, CallSource.MESSENGER, false, fullScreen)
        WarningNotifier.show(this, content, id)
    }
}

// Carries out a WarningContent: channels, heads-up or full-screen warning.
//
// Not a CallStyle notification: CallStyle (forIncomingCall / forScreeningCall)
// needs answer/decline (or hang-up) actions for a call this app owns, plus a
// foreground service or a full-screen intent. The call belongs to the dialer
// or the messenger; an "Answer" button here would be a lie, and the warning
// must not compete with the real call UI. A CATEGORY_CALL, high-importance
// notification with a full-screen intent is what reaches the customer first.
package io.callguard.sample

import android.Manifest
import android.app.NotificationChannel
import android.app.NotificationManager
import android.app.PendingIntent
import android.content.Context
import android.content.Intent
import android.content.pm.PackageManager
import android.os.Build
import androidx.core.app.NotificationCompat
import androidx.core.app.NotificationManagerCompat
import androidx.core.content.ContextCompat
import io.callguard.Call
import io.callguard.sample.logic.WarningContent
import io.callguard.sample.logic.WarningImportance
import io.callguard.sample.logic.WarningPresenter

object WarningNotifier {
    private const val DANGER_TIMEOUT_MS = 10 * 60 * 1000L
    private const val NOTE_TIMEOUT_MS = 2 * 60 * 1000L

    fun createChannels(context: Context) {
        val nm = context.getSystemService(NotificationManager::class.java)
        for ((id, importance) in WarningPresenter.CHANNELS) {
            val channel = NotificationChannel(id, channelName(id), androidImportance(importance)).apply {
                description = channelDescription(id)
                lockscreenVisibility = android.app.Notification.VISIBILITY_PUBLIC // texts never hold caller data
                if (importance == WarningImportance.HIGH) enableVibration(true)
            }
            nm.createNotificationChannel(channel)
        }
    }

    /**
     * API 34+: the customer (or the store) may have withdrawn USE_FULL_SCREEN_INTENT. Google
     * Play revokes it at install for apps that are not dialers or alarm clocks, so a store
     * build of a screening app mostly gets false here: the warning is then a heads-up
     * notification (same channel, same text), which still appears over the ringing call.
     */
    fun canUseFullScreenIntent(context: Context): Boolean =
        if (Build.VERSION.SDK_INT >= Build.VERSION_CODES.UPSIDE_DOWN_CAKE) {
            context.getSystemService(NotificationManager::class.java).canUseFullScreenIntent()
        } else {
            true
        }

    /** One notification per caller: a re-screened call replaces its warning. */
    fun idFor(call: Call): Int = "${call.channel}|${call.number}|${call.displayName.orEmpty()}".hashCode()

    fun show(context: Context, content: WarningContent, id: Int) {
        if (!content.show) return
        if (Build.VERSION.SDK_INT >= Build.VERSION_CODES.TIRAMISU &&
            ContextCompat.checkSelfPermission(context, Manifest.permission.POST_NOTIFICATIONS) != PackageManager.PERMISSION_GRANTED
        ) return // the status screen asks for it

        val danger = content.importance == WarningImportance.HIGH
        val open = PendingIntent.getActivity(
            context, id,
            Intent(context, MainActivity::class.java).addFlags(Intent.FLAG_ACTIVITY_NEW_TASK or Intent.FLAG_ACTIVITY_CLEAR_TOP),
            PendingIntent.FLAG_UPDATE_CURRENT or PendingIntent.FLAG_IMMUTABLE,
        )
        val builder = NotificationCompat.Builder(context, content.channelId)
            .setSmallIcon(R.drawable.ic_callguard)
            .setContentTitle(content.title)
            .setContentText(content.text)
            .setStyle(NotificationCompat.BigTextStyle().bigText(content.text))
            .setPriority(compatPriority(content.importance)) // below API 26 only; channels decide above
            .setCategory(if (danger) NotificationCompat.CATEGORY_CALL else NotificationCompat.CATEGORY_STATUS)
            .setVisibility(NotificationCompat.VISIBILITY_PUBLIC)
            .setContentIntent(open)
            .setAutoCancel(true)
            .setOnlyAlertOnce(true)
            .setTimeoutAfter(if (danger) DANGER_TIMEOUT_MS else NOTE_TIMEOUT_MS)
        if (danger) builder.setColor(0xFFC62828.toInt()).setColorized(false)
        if (content.fullScreen) {
            val full = PendingIntent.getActivity(
                context, id,
                WarningActivity.newIntent(context, content.title, content.text),
                PendingIntent.FLAG_UPDATE_CURRENT or PendingIntent.FLAG_IMMUTABLE,
            )
            // Without the permission (API 34+) the system shows it as a heads-up instead.
            builder.setFullScreenIntent(full, true)
        }
        NotificationManagerCompat.from(context).notify(id, builder.build())
    }

    private fun androidImportance(i: WarningImportance) = when (i) {
        WarningImportance.HIGH -> NotificationManager.IMPORTANCE_HIGH
        WarningImportance.DEFAULT -> NotificationManager.IMPORTANCE_DEFAULT
        WarningImportance.LOW -> NotificationManager.IMPORTANCE_LOW
    }

    private fun compatPriority(i: WarningImportance) = when (i) {
        WarningImportance.HIGH -> NotificationCompat.PRIORITY_HIGH
        WarningImportance.DEFAULT -> NotificationCompat.PRIORITY_DEFAULT
        WarningImportance.LOW -> NotificationCompat.PRIORITY_LOW
    }

    private fun channelName(id: String) = when (id) {
        WarningPresenter.CHANNEL_DANGER -> "Fake call warnings"
        WarningPresenter.CHANNEL_CAUTION -> "Bank call notes"
        else -> "Confirmed bank calls (verified or announced)"
    }

    private fun channelDescription(id: String) = when (id) {
        WarningPresenter.CHANNEL_DANGER -> "A call pretends to be your bank. Shown before you answer."
        WarningPresenter.CHANNEL_CAUTION -> "A call from a bank number that could still be faked."
        else -> "The network confirmed the bank's number."
    }
}

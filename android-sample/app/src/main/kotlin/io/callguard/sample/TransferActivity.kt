// "Transfer": the stand-in for the bank app's payment flow, for in-call
// protection (docs/in-call-protection.md). Before sending, it asks the SDK
// for advice and shows what the advice says: go on, confirm first, or a
// pause until a stated time — with "Call the bank" always on the screen.
// What to show is TransferGate's (plain Kotlin, tested on the JVM).
package io.callguard.sample

import android.app.Activity
import android.app.AlertDialog
import android.content.Intent
import android.media.AudioManager
import android.net.Uri
import android.os.Build
import android.os.Bundle
import android.text.InputType
import android.widget.Button
import android.widget.EditText
import android.widget.LinearLayout
import android.widget.TextView
import io.callguard.SensitiveAction
import io.callguard.sample.logic.Gate
import io.callguard.sample.logic.TransferGate
import java.util.function.Consumer

class TransferActivity : Activity() {
    private val app get() = application as CallGuardApp
    private lateinit var column: LinearLayout
    private lateinit var status: TextView
    private val recording = Consumer<Int> { state -> app.inCall.screenRecording(state) }

    override fun onCreate(savedInstanceState: Bundle?) {
        super.onCreate(savedInstanceState)
        title = "Transfer (sample)"
        column = LinearLayout(this).apply { orientation = LinearLayout.VERTICAL; setPadding(32, 32, 32, 32) }
        val amount = EditText(this).apply { hint = "Amount"; inputType = InputType.TYPE_CLASS_NUMBER }
        status = TextView(this).apply { textSize = 16f; setPadding(0, 24, 0, 24) }
        column.addView(TextView(this).apply { text = "To: a new account" })
        column.addView(amount)
        column.addView(button("Send") { send() })
        column.addView(status)
        setContentView(column)
    }

    override fun onStart() {
        super.onStart()
        // Screen sharing and recording of this screen (API 35, DETECT_SCREEN_RECORDING,
        // granted at install). The state now is the returned value: the callback alone misses
        // a recording that started before (docs/platforms.md, "In-call signals").
        if (Build.VERSION.SDK_INT >= Build.VERSION_CODES.VANILLA_ICE_CREAM) {
            app.inCall.screenRecording(windowManager.addScreenRecordingCallback(mainExecutor, recording))
        }
    }

    override fun onStop() {
        if (Build.VERSION.SDK_INT >= Build.VERSION_CODES.VANILLA_ICE_CREAM) {
            windowManager.removeScreenRecordingCallback(recording)
        }
        super.onStop()
    }

    private fun send() {
        status.text = "Checking…"
        // API 29-30 have no mode listener: the mode now says whether a call is on. Its report
        // is queued on inCallExecutor before the advice is asked on it, so it counts.
        getSystemService(AudioManager::class.java)?.let { app.inCall.audioMode(it.mode) }
        app.inCall.sighting()
        app.inCallExecutor.execute {
            val gate = runCatching { TransferGate.gate(app.guard().adviseAction(SensitiveAction.TRANSFER), app.settings.language) }
                // No guard (protection off): the app's own flow, as without the SDK.
                .getOrElse { Gate.Proceed(null) }
            runOnUiThread { show(gate) }
        }
    }

    private fun show(gate: Gate) {
        when (gate) {
            is Gate.Proceed -> status.text = listOfNotNull(gate.reminder, "Sent (sample: nothing was sent).").joinToString("\n\n")
            is Gate.Confirm -> {
                status.text = ""
                AlertDialog.Builder(this)
                    .setTitle(gate.title)
                    .setMessage(gate.body)
                    .setPositiveButton(gate.continueLabel) { _, _ -> status.text = "Sent after confirmation (sample: nothing was sent)." }
                    .setNeutralButton(gate.callBankLabel) { _, _ -> callBank() }
                    .setNegativeButton("Cancel", null)
                    .show()
            }
            is Gate.Hold -> {
                status.text = "${gate.title}\n\n${gate.body}\n\n${gate.until}"
                column.addView(button(gate.callBankLabel) { callBank() })
            }
        }
    }

    /** The dialler with the bank's number, never a call placed by the app. */
    private fun callBank() {
        startActivity(Intent(Intent.ACTION_DIAL, Uri.fromParts("tel", getString(R.string.bank_hotline), null)))
    }

    private fun button(label: String, onClick: () -> Unit) = Button(this).apply {
        text = label
        setOnClickListener { onClick() }
    }
}

// "Transfer": the stand-in for the bank app's payment flow, for in-call
// protection (docs/in-call-protection.md). Before sending it asks the SDK
// for advice and shows what it says: go on, confirm first, or a pause until
// a stated time — with "Call the bank" always on the screen. What to show
// is TransferGate's (Logic, tested on Linux).
import CallGuard
import CallGuardSampleLogic
import SwiftUI

struct TransferView: View {
    @EnvironmentObject private var model: AppModel
    @State private var amount = ""
    @State private var gate: Gate?
    @State private var sent = false

    var body: some View {
        NavigationStack {
            Form {
                Section {
                    Text("To: a new account")
                    TextField("Amount", text: $amount)
                        .keyboardType(.numberPad)
                    Button("Send") {
                        sent = false
                        model.adviseTransfer { gate = $0 }
                    }
                    .disabled(amount.isEmpty)
                } footer: {
                    Text("A sample: nothing is sent. Start a call first (the demo's fake security service), then tap Send.")
                }
                if let gate {
                    Section("Before sending") {
                        GateView(gate: gate, sent: $sent)
                    }
                }
            }
            .navigationTitle("Transfer")
            .onChange(of: amount) { _ in gate = nil }
        }
    }
}

private struct GateView: View {
    let gate: Gate
    @Binding var sent: Bool

    var body: some View {
        switch gate {
        case let .proceed(reminder):
            if let reminder { Text(reminder) }
            Text("Sent (sample: nothing was sent).")
        case let .confirm(title, body, continueLabel, callBankLabel):
            Text(title).font(.headline)
            Text(body)
            if sent {
                Text("Sent after confirmation (sample: nothing was sent).")
            } else {
                Button(continueLabel) { sent = true }
            }
            CallBankButton(label: callBankLabel)
        case let .hold(title, body, until, callBankLabel):
            Label(title, systemImage: "hand.raised.fill")
                .font(.headline)
                .foregroundStyle(.red)
            Text(body)
            Text(until).bold()
            CallBankButton(label: callBankLabel)
        }
    }
}

/// The phone app with the bank's number: never a call placed by the app.
private struct CallBankButton: View {
    let label: String

    var body: some View {
        Link(destination: SampleConfig.bankHotline) {
            Label(label, systemImage: "phone.fill")
        }
    }
}

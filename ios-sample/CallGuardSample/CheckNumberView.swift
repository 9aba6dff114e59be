// "Check a number before you call": a caller asked the customer to call
// back, or sent a number by SMS. Only numbers on the bank's signed list are
// the bank's; the SDK says which, and what to do.
import CallGuard
import CallGuardSampleLogic
import SwiftUI

struct CheckNumberView: View {
    @EnvironmentObject private var model: AppModel
    @State private var number = ""
    @State private var result: Screening?

    var body: some View {
        NavigationStack {
            Form {
                Section {
                    TextField("Number you are about to call", text: $number)
                        .keyboardType(.phonePad)
                        .textContentType(.telephoneNumber)
                    Button("Check") {
                        result = model.check(number)
                    }
                    .disabled(number.trimmingCharacters(in: .whitespaces).isEmpty || model.callGuard == nil)
                } footer: {
                    Text("Asked to call the bank back? Check the number first: the bank's real numbers are on its signed list.")
                }
                if let result {
                    Section("Result") {
                        ScreeningCard(screening: result)
                    }
                }
            }
            .navigationTitle("Check a number")
            .onChange(of: number) { _ in result = nil }
        }
    }
}

struct ScreeningCard: View {
    let screening: Screening

    var body: some View {
        let style = ScreeningStyle(risk: screening.risk)
        VStack(alignment: .leading, spacing: 8) {
            Label(screening.title, systemImage: style.symbol)
                .font(.headline)
                .foregroundStyle(style.color.swiftUIColor)
            Text(screening.message)
            if let label = screening.label {
                Text(label)
                    .font(.footnote)
                    .foregroundStyle(Color.secondary)
            }
        }
        .padding(.vertical, 4)
        .accessibilityElement(children: .combine)
    }
}

extension ScreeningStyle.Tint {
    /// ScreeningStyle (Logic/) decides how a risk looks; SwiftUI paints it.
    var swiftUIColor: Color {
        switch self {
        case .red:
            return .red
        case .orange:
            return .orange
        case .green:
            return .green
        case .grey:
            return .secondary
        }
    }
}

package io.callguard.sample.logic

import org.junit.jupiter.api.Test
import kotlin.test.assertEquals
import kotlin.test.assertTrue

class ContactCheckTest {
    private val book = listOf(
        AddressBookEntry(1, "Мама", listOf("+7 916 765-43-21")),
        AddressBookEntry(2, "Пример Банк", listOf("8 800 555-35-35")),
        AddressBookEntry(3, "Служба безопасности Пример Банка", listOf("+7 916 123-45-67")),
        AddressBookEntry(4, "Лена Пример Банк", listOf("+7 916 000-11-22")),
        AddressBookEntry(5, "Пример Банк", listOf("+7 495 000-00-01")),
    )

    @Test
    fun theTrapsBecomeRowsWithTheirActions() {
        TestGuard.withList().use { guard ->
            val rows = ContactCheck.rows(guard, book)
            assertEquals(listOf(2L, 3L), rows.map { it.contactId })
            assertEquals(
                listOf(ContactAction.Rename("Example Bank hotline — never calls you"), ContactAction.Open),
                rows[0].actions,
            )
            assertEquals(listOf(ContactAction.Open), rows[1].actions)
            assertTrue(rows.all { it.title.isNotEmpty() && it.message.isNotEmpty() })
            assertEquals("5 contacts checked: 2 need a look.", ContactCheck.summary(book.size, rows.size))
        }
    }

    @Test
    fun aRenamedContactIsNotFoundAgain() {
        TestGuard.withList().use { guard ->
            val renamed = listOf(AddressBookEntry(2, "Example Bank hotline — never calls you", listOf("8 800 555-35-35")))
            assertEquals(emptyList(), ContactCheck.rows(guard, renamed))
        }
    }
}

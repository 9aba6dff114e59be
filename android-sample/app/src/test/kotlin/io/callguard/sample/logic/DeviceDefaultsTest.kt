package io.callguard.sample.logic

import org.junit.jupiter.api.Test
import kotlin.test.assertEquals

class DeviceDefaultsTest {
    @Test
    fun region() {
        assertEquals("KZ", DeviceDefaults.homeRegion("kz", "ru", "RU"))
        assertEquals("RU", DeviceDefaults.homeRegion("", "ru", "US"))
        assertEquals("US", DeviceDefaults.homeRegion(null, " ", "US"))
        assertEquals("RU", DeviceDefaults.homeRegion(null, null, null))
        assertEquals("RU", DeviceDefaults.homeRegion("419", null, ""))
    }

    @Test
    fun language() {
        assertEquals("ru", DeviceDefaults.language("ru"))
        assertEquals("uk", DeviceDefaults.language("uk"))
        assertEquals("kk", DeviceDefaults.language("KK"))
        assertEquals("en", DeviceDefaults.language("de"))
        assertEquals("en", DeviceDefaults.language(null))
    }
}

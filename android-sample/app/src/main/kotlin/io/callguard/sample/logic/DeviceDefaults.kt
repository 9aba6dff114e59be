// Plain Kotlin (no android.*): the home region and language a fresh install starts with.
package io.callguard.sample.logic

object DeviceDefaults {
    const val FALLBACK_REGION = "RU"
    val LANGUAGES = listOf("en", "ru", "uk", "kk")

    /**
     * The SIM's country, else the network's, else the locale's, else [FALLBACK_REGION]
     * (TelephonyManager.getSimCountryIso / getNetworkCountryIso are lower case, may be empty).
     */
    fun homeRegion(simCountry: String?, networkCountry: String?, localeCountry: String?): String =
        listOf(simCountry, networkCountry, localeCountry)
            .map { it?.trim()?.uppercase().orEmpty() }
            .firstOrNull { it.length == 2 && it.all { c -> c in 'A'..'Z' } }
            ?: FALLBACK_REGION

    /** "ru" for a Russian-speaking device, else "en" (the SDK's two languages). */
    fun language(localeLanguage: String?): String =
        localeLanguage?.lowercase()?.takeIf { it in LANGUAGES } ?: "en"
}

/* Stub of Apple's TargetConditionals.h for cross-compiling ring for iOS
 * without Xcode (../../phones.toml). ring's base.h reads TARGET_OS_OSX and
 * TARGET_OS_IPHONE; the values are those of the iOS SDK, derived from what
 * clang defines for the --target cc-rs passes. Anything but iOS is refused:
 * these builds are for iOS devices and the iOS simulator only. */
#ifndef CALLGUARD_CROSS_TARGETCONDITIONALS_H
#define CALLGUARD_CROSS_TARGETCONDITIONALS_H
#if !defined(__ENVIRONMENT_IPHONE_OS_VERSION_MIN_REQUIRED__)
#error "stub TargetConditionals.h is for iOS targets only"
#endif
#define TARGET_OS_MAC 1
#define TARGET_OS_OSX 0
#define TARGET_OS_IPHONE 1
#define TARGET_OS_IOS 1
#define TARGET_OS_TV 0
#define TARGET_OS_WATCH 0
#define TARGET_OS_VISION 0
#if defined(__APPLE_EMBEDDED_SIMULATOR__)
#define TARGET_OS_SIMULATOR 1
#else
#define TARGET_OS_SIMULATOR 0
#endif
#endif

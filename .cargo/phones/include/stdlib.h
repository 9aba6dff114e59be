/* Stub for cross-compiling ring without libc headers (../../phones.toml).
 * Reached only through clang's mm_malloc.h (x86_64 intrinsics), which needs
 * these two declarations for its inline _mm_malloc/_mm_free; ring calls
 * neither, so nothing here is ever linked. */
#ifndef CALLGUARD_CROSS_STDLIB_H
#define CALLGUARD_CROSS_STDLIB_H
#include <stddef.h>
void *malloc(size_t size);
void free(void *ptr);
#endif

/* klynge-lock-private.h: the one lock type of lib/, visible to
 * ThreadSanitizer
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * Lazily built state that readers share (the store's index by member,
 * the landscape's member objects) is built under one of these. GMutex
 * lives in an uninstrumented GLib and, on Linux, is a bare futex, so
 * ThreadSanitizer cannot see that it orders anything and would report
 * races on every field it protects. Under TSan the lock therefore tells
 * the sanitizer itself what it does: an acquire once the mutex is held
 * and a release just before it is let go. Elsewhere it is a GMutex and
 * nothing more.
 */
#pragma once

#include <glib.h>

#if defined(__SANITIZE_THREAD__)
#define KLYNGE_TSAN 1
#elif defined(__has_feature)
#if __has_feature(thread_sanitizer)
#define KLYNGE_TSAN 1
#endif
#endif

#ifdef KLYNGE_TSAN
#include <sanitizer/tsan_interface.h>
#endif

G_BEGIN_DECLS

typedef struct {
  GMutex mutex;
} KlyngeLock;

static inline void
_klynge_lock_init (KlyngeLock *lock)
{
  g_mutex_init (&lock->mutex);
}

static inline void
_klynge_lock_clear (KlyngeLock *lock)
{
  g_mutex_clear (&lock->mutex);
}

static inline void
_klynge_lock_acquire (KlyngeLock *lock)
{
  g_mutex_lock (&lock->mutex);
#ifdef KLYNGE_TSAN
  __tsan_acquire (lock);
#endif
}

static inline void
_klynge_lock_release (KlyngeLock *lock)
{
#ifdef KLYNGE_TSAN
  __tsan_release (lock);
#endif
  g_mutex_unlock (&lock->mutex);
}

G_END_DECLS

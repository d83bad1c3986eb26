/* klynge-lock-private.h: the one lock type of lib/, and every handoff
 * between threads, visible to ThreadSanitizer
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * GLib is not built with TSan, and on Linux its GMutex, GCond and
 * GAsyncQueue are bare futexes: the sanitizer cannot see that they order
 * anything and would report races on every field they protect or item
 * they carry. Under TSan the helpers here therefore tell the sanitizer
 * themselves what the GLib call does; elsewhere each is the GLib call and
 * nothing more.
 *
 *  - KlyngeLock: a GMutex. Lazily built state that readers share (the
 *    store's index by member, the landscape's member objects) and the
 *    bulk loader's queue of batches are kept under one. An acquire once
 *    the mutex is held, a release just before it is let go.
 *  - _klynge_lock_wait(): g_cond_wait() on a KlyngeLock, which lets the
 *    mutex go while it waits: a release before, an acquire after.
 *  - _klynge_handoff_push(), _pop(), _try_pop(): a GAsyncQueue that hands
 *    items (chunks, blocks) from one thread to another. A release on the
 *    item before it is pushed, an acquire on it once popped: what the
 *    pusher wrote before the push is seen by the popper. The queue's own
 *    list nodes are allocated by the pushing thread and freed by the
 *    popping one, inside GLib where no annotation can reach: TSan ignores
 *    the memory accesses of the queue call itself.
 *
 * Threads themselves need nothing: TSan sees g_thread_new() and
 * g_thread_join() through pthread_create() and pthread_join(). Any other
 * handoff in lib/ goes through these too (docs/internals.md, Threads).
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
/* in the TSan runtimes of GCC and Clang, not in their headers */
void __tsan_ignore_thread_begin (void);
void __tsan_ignore_thread_end (void);
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

/* g_cond_wait() on @lock, which must be held */
static inline void
_klynge_lock_wait (KlyngeLock *lock,
                   GCond      *cond)
{
#ifdef KLYNGE_TSAN
  __tsan_release (lock);
#endif
  g_cond_wait (cond, &lock->mutex);
#ifdef KLYNGE_TSAN
  __tsan_acquire (lock);
#endif
}

/* Hands @item (not %NULL) to the thread that pops it from @queue. */
static inline void
_klynge_handoff_push (GAsyncQueue *queue,
                      gpointer     item)
{
#ifdef KLYNGE_TSAN
  __tsan_release (item);
  __tsan_ignore_thread_begin ();
#endif
  g_async_queue_push (queue, item);
#ifdef KLYNGE_TSAN
  __tsan_ignore_thread_end ();
#endif
}

static inline gpointer
_klynge_handoff_pop (GAsyncQueue *queue)
{
  gpointer item;

#ifdef KLYNGE_TSAN
  __tsan_ignore_thread_begin ();
#endif
  item = g_async_queue_pop (queue);
#ifdef KLYNGE_TSAN
  __tsan_ignore_thread_end ();
  __tsan_acquire (item);
#endif
  return item;
}

/* %NULL when @queue is empty */
static inline gpointer
_klynge_handoff_try_pop (GAsyncQueue *queue)
{
  gpointer item;

#ifdef KLYNGE_TSAN
  __tsan_ignore_thread_begin ();
#endif
  item = g_async_queue_try_pop (queue);
#ifdef KLYNGE_TSAN
  __tsan_ignore_thread_end ();
  if (item != NULL)
    __tsan_acquire (item);
#endif
  return item;
}

G_END_DECLS

/* klynge-merger.h: consolidation events
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#pragma once

#if !defined (__KLYNGE_INSIDE__) && !defined (KLYNGE_COMPILATION)
#error "Only <klynge/klynge.h> can be included directly."
#endif

#include <glib-object.h>
#include <klynge/klynge-record.h>
#include <klynge/klynge-date.h>

G_BEGIN_DECLS

/**
 * KlyngeMergerKind:
 * @KLYNGE_MERGER_KIND_MERGER: the predecessors form a new successor
 *   (`merger`); needs at least two predecessors
 * @KLYNGE_MERGER_KIND_ABSORPTION: the predecessors fold into an existing
 *   successor (`absorption`); needs at least one
 * @KLYNGE_MERGER_KIND_TRANSFER: part of each predecessor's activity moves to
 *   the successor, and the predecessors live on (`transfer`, format version
 *   2); needs at least one
 * @KLYNGE_MERGER_KIND_RENAME: one body goes on under a new name and record,
 *   the successor, which carries everything of its one predecessor
 *   (`rename`, format version 2)
 *
 * How a consolidation event happens. Only %KLYNGE_MERGER_KIND_MERGER and
 * %KLYNGE_MERGER_KIND_ABSORPTION consolidate bodies
 * (klynge_merger_kind_consolidates()); counts of mergers say which kinds
 * they count.
 */
typedef enum {
  KLYNGE_MERGER_KIND_MERGER,
  KLYNGE_MERGER_KIND_ABSORPTION,
  KLYNGE_MERGER_KIND_TRANSFER,
  KLYNGE_MERGER_KIND_RENAME,
} KlyngeMergerKind;

GType klynge_merger_kind_get_type (void) G_GNUC_CONST;
#define KLYNGE_TYPE_MERGER_KIND (klynge_merger_kind_get_type ())

guint    klynge_merger_kind_min_predecessors  (KlyngeMergerKind kind);
guint    klynge_merger_kind_max_predecessors  (KlyngeMergerKind kind);
gboolean klynge_merger_kind_consolidates      (KlyngeMergerKind kind);
gboolean klynge_merger_kind_ends_predecessors (KlyngeMergerKind kind);
gboolean klynge_merger_kind_forms_successor   (KlyngeMergerKind kind);

/**
 * KlyngeMergerStatus:
 * @KLYNGE_MERGER_STATUS_PROPOSED: proposed, not agreed (`proposed`)
 * @KLYNGE_MERGER_STATUS_AGREED: agreed, not yet carried out (`agreed`)
 * @KLYNGE_MERGER_STATUS_COMPLETED: carried out; the records already reflect
 *   it (`completed`)
 * @KLYNGE_MERGER_STATUS_CANCELLED: announced and then called off; it changes
 *   nothing (`cancelled`, format version 2)
 *
 * Where a merger stands.
 */
typedef enum {
  KLYNGE_MERGER_STATUS_PROPOSED,
  KLYNGE_MERGER_STATUS_AGREED,
  KLYNGE_MERGER_STATUS_COMPLETED,
  KLYNGE_MERGER_STATUS_CANCELLED,
} KlyngeMergerStatus;

GType klynge_merger_status_get_type (void) G_GNUC_CONST;
#define KLYNGE_TYPE_MERGER_STATUS (klynge_merger_status_get_type ())

#define KLYNGE_TYPE_MERGER (klynge_merger_get_type ())
G_DECLARE_FINAL_TYPE (KlyngeMerger, klynge_merger, KLYNGE, MERGER, KlyngeRecord)

KlyngeMerger       *klynge_merger_new               (const char         *id,
                                                     KlyngeMergerKind    kind,
                                                     const char         *successor,
                                                     const KlyngeDate   *effective);
KlyngeMergerKind    klynge_merger_get_kind          (KlyngeMerger       *self);
void                klynge_merger_set_kind          (KlyngeMerger       *self,
                                                     KlyngeMergerKind    kind);
KlyngeMergerStatus  klynge_merger_get_status        (KlyngeMerger       *self);
void                klynge_merger_set_status        (KlyngeMerger       *self,
                                                     KlyngeMergerStatus  status);
const char         *klynge_merger_get_successor     (KlyngeMerger       *self);
gboolean            klynge_merger_set_successor     (KlyngeMerger       *self,
                                                     const char         *successor,
                                                     GError            **error);
const KlyngeDate   *klynge_merger_get_effective     (KlyngeMerger       *self);
gboolean            klynge_merger_set_effective     (KlyngeMerger       *self,
                                                     const KlyngeDate   *effective,
                                                     GError            **error);
const char * const *klynge_merger_get_predecessors  (KlyngeMerger       *self);
gboolean            klynge_merger_add_predecessor   (KlyngeMerger       *self,
                                                     const char         *id,
                                                     GError            **error);
gboolean            klynge_merger_has_predecessor   (KlyngeMerger       *self,
                                                     const char         *id);
void                klynge_merger_clear_predecessors (KlyngeMerger      *self);

G_END_DECLS

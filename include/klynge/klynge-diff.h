/* klynge-diff.h: what changed between two landscapes
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#pragma once

#if !defined (__KLYNGE_INSIDE__) && !defined (KLYNGE_COMPILATION)
#error "Only <klynge/klynge.h> can be included directly."
#endif

#include <glib-object.h>
#include <klynge/klynge-landscape.h>

G_BEGIN_DECLS

/**
 * KlyngeChangeKind:
 * @KLYNGE_CHANGE_ADDED: the row is only in the newer landscape
 * @KLYNGE_CHANGE_REMOVED: the row is only in the older landscape
 * @KLYNGE_CHANGE_CHANGED: the row is in both, and one of its fields has
 *   another value
 *
 * What a #KlyngeChange says happened to a row of a table.
 */
typedef enum {
  KLYNGE_CHANGE_ADDED,
  KLYNGE_CHANGE_REMOVED,
  KLYNGE_CHANGE_CHANGED,
} KlyngeChangeKind;

GType             klynge_change_kind_get_type   (void) G_GNUC_CONST;
#define KLYNGE_TYPE_CHANGE_KIND (klynge_change_kind_get_type ())

/**
 * KlyngeChange:
 *
 * One difference between two landscapes: a row of a table added or
 * removed, or one field of a row changed. An immutable,
 * reference-counted value.
 */
typedef struct _KlyngeChange KlyngeChange;

GType             klynge_change_get_type        (void) G_GNUC_CONST;
#define KLYNGE_TYPE_CHANGE (klynge_change_get_type ())

KlyngeChange     *klynge_change_ref             (KlyngeChange       *change);
void              klynge_change_unref           (KlyngeChange       *change);
KlyngeChangeKind  klynge_change_get_kind        (const KlyngeChange *change);
const char       *klynge_change_get_table       (const KlyngeChange *change);
const char       *klynge_change_get_record      (const KlyngeChange *change);
const char       *klynge_change_get_key         (const KlyngeChange *change);
const char       *klynge_change_get_field       (const KlyngeChange *change);
const char       *klynge_change_get_old_value   (const KlyngeChange *change);
const char       *klynge_change_get_new_value   (const KlyngeChange *change);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (KlyngeChange, klynge_change_unref)

#define KLYNGE_TYPE_DIFF (klynge_diff_get_type ())
G_DECLARE_FINAL_TYPE (KlyngeDiff, klynge_diff, KLYNGE, DIFF, GObject)

KlyngeDiff       *klynge_landscape_diff         (KlyngeLandscape    *self,
                                                 KlyngeLandscape    *other);

guint             klynge_diff_get_n_changes     (KlyngeDiff         *self);
KlyngeChange     *klynge_diff_get_change        (KlyngeDiff         *self,
                                                 guint               index);
gboolean          klynge_diff_is_empty          (KlyngeDiff         *self);
char             *klynge_diff_to_text           (KlyngeDiff         *self);
char             *klynge_diff_to_csv            (KlyngeDiff         *self);

G_END_DECLS

/* klynge-reloadable-private.h: whether a record, or a whole landscape,
 * would load again once saved
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#pragma once

#include "klynge-private.h"

G_BEGIN_DECLS

/* Checks what @record alone needs for the loader to take it: an id, the
 * references and dates the format requires, a name or title, a
 * contract's shares summing to 100 %, a merger's fewest predecessors, an
 * initiative's stated participants count no lower than its list. Fails
 * with the code the loader would give (MISSING_ATTRIBUTE, MISSING_ELEMENT,
 * SHARES_NOT_100, TOO_FEW_PARTIES, PARTICIPANTS_COUNT_TOO_LOW), naming
 * the record.
 * Texts need no check here: setters refuse what the loader would. */
gboolean         _klynge_record_check_complete     (KlyngeRecord     *record,
                                                    GError          **error);

/* Fails with TOO_FEW_PARTIES when @merger names fewer predecessors than
 * klynge_merger_kind_min_predecessors() of its kind, and with
 * MERGER_TOO_MANY_PREDECESSORS when more than
 * klynge_merger_kind_max_predecessors(): the loader, add(), validate()
 * and a save apply this one check. */
gboolean         _klynge_merger_check_predecessor_count (KlyngeMerger *merger,
                                                    GError          **error);

/* Checks that every reference of @record resolves in @self to a record
 * of the right kind; fails with UNRESOLVED_REFERENCE or
 * WRONG_REFERENCE_KIND. */
gboolean         _klynge_landscape_check_references_of (KlyngeLandscape *self,
                                                    KlyngeRecord     *record,
                                                    GError          **error);

/* Both checks over every record of @self, failing on the first record
 * that would not load: run before a save, since records edited after
 * they were added (a contract's shares cleared, a holder renamed to an
 * id no record has) can stop loading. */
gboolean         _klynge_landscape_check_loadable  (KlyngeLandscape  *self,
                                                    GError          **error);

G_END_DECLS

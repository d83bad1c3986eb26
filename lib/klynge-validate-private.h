/* klynge-validate-private.h: the checks of klynge-validate.c that a load
 * runs too
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#pragma once

#include "klynge-private.h"

G_BEGIN_DECLS

/* Appends a KlyngeProblem to @problems for each reference that does not
 * resolve to a record of the right kind, and for each rule that needs
 * more than one record; @file (nullable) goes into the problems. */
void             _klynge_landscape_check_references (KlyngeLandscape *self,
                                                   const char       *file,
                                                   GPtrArray        *problems);
void             _klynge_landscape_check_consistency (KlyngeLandscape *self,
                                                   const char       *file,
                                                   GPtrArray        *problems);

/* When an organisation can have lived, as far as its dates tell, in GDate
 * day numbers. */
typedef struct {
  guint32 founded;      /* the earliest day it, or a body it continues
                         * through completed mergers, can have been
                         * founded; 0 when one of them has no founding date */
  guint32 dissolved;    /* the latest day its dissolution date (its last
                         * day) can stand for; 0 while it is not dissolved */
} KlyngeLifespan;

typedef enum {
  KLYNGE_LIFETIME_AFTER_DISSOLUTION = 1 << 0,
  KLYNGE_LIFETIME_BEFORE_FOUNDING = 1 << 1,
} KlyngeLifetimeFindings;

/* The one definition of a lifetime finding, for something that ran from
 * @since to @until (nullable; an unset date is not stated) against @life.
 * Only a certain contradiction counts, a partial date standing for any
 * day of it: after the dissolution when even the earliest day it can have
 * ended on (its since, when it has no until) comes after the latest day
 * the dissolution can stand for; before the founding when even the latest
 * day it can have begun on (its until, when it has no since) comes before
 * the earliest day the founding can stand for. */
KlyngeLifetimeFindings _klynge_lifetime_check (const KlyngeLifespan *life,
                                               const KlyngeDate     *since,
                                               const KlyngeDate     *until);

G_END_DECLS

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

G_END_DECLS

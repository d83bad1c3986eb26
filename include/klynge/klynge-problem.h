/* klynge-problem.h: one problem found in a landscape
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#pragma once

#if !defined (__KLYNGE_INSIDE__) && !defined (KLYNGE_COMPILATION)
#error "Only <klynge/klynge.h> can be included directly."
#endif

#include <glib-object.h>

G_BEGIN_DECLS

/**
 * KlyngeSeverity:
 * @KLYNGE_SEVERITY_ERROR: the data contradicts itself or the format: a
 *   landscape with such a problem is not valid
 * @KLYNGE_SEVERITY_WARNING: the data is unusual but may well be true (a
 *   contract that starts before its holder was founded: bodies are funded
 *   while being formed); the landscape is still valid
 *
 * How serious a #KlyngeProblem is.
 */
typedef enum {
  KLYNGE_SEVERITY_ERROR,
  KLYNGE_SEVERITY_WARNING,
} KlyngeSeverity;

GType          klynge_severity_get_type     (void) G_GNUC_CONST;
#define KLYNGE_TYPE_SEVERITY (klynge_severity_get_type ())

/**
 * KlyngeProblem:
 *
 * One problem that validation found: its #KlyngeError code, its
 * #KlyngeSeverity, where it is
 * (file, line and column; 0 where unknown), the record it concerns and a
 * message. An immutable, reference-counted value.
 */
typedef struct _KlyngeProblem KlyngeProblem;

GType          klynge_problem_get_type      (void) G_GNUC_CONST;
#define KLYNGE_TYPE_PROBLEM (klynge_problem_get_type ())

KlyngeProblem *klynge_problem_new           (int                  code,
                                             const char          *file,
                                             guint                line,
                                             guint                column,
                                             const char          *record_id,
                                             const char          *message);
KlyngeProblem *klynge_problem_new_warning   (int                  code,
                                             const char          *file,
                                             guint                line,
                                             guint                column,
                                             const char          *record_id,
                                             const char          *message);
KlyngeProblem *klynge_problem_ref           (KlyngeProblem       *problem);
void           klynge_problem_unref         (KlyngeProblem       *problem);
int            klynge_problem_get_code      (const KlyngeProblem *problem);
KlyngeSeverity klynge_problem_get_severity  (const KlyngeProblem *problem);
const char    *klynge_problem_get_file      (const KlyngeProblem *problem);
guint          klynge_problem_get_line      (const KlyngeProblem *problem);
guint          klynge_problem_get_column    (const KlyngeProblem *problem);
const char    *klynge_problem_get_record_id (const KlyngeProblem *problem);
const char    *klynge_problem_get_message   (const KlyngeProblem *problem);
char          *klynge_problem_to_string     (const KlyngeProblem *problem);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (KlyngeProblem, klynge_problem_unref)

G_END_DECLS

/* klynge-problem.c: one problem found in a landscape
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#include "config.h"

#include <stdarg.h>

#include "klynge-private.h"

struct _KlyngeProblem
{
  gatomicrefcount ref_count;
  int code;
  KlyngeSeverity severity;
  char *file;
  guint line;
  guint column;
  char *record_id;
  char *message;
};

G_DEFINE_BOXED_TYPE (KlyngeProblem, klynge_problem, klynge_problem_ref, klynge_problem_unref)

G_DEFINE_ENUM_TYPE (KlyngeSeverity, klynge_severity,
  G_DEFINE_ENUM_VALUE (KLYNGE_SEVERITY_ERROR, "error"),
  G_DEFINE_ENUM_VALUE (KLYNGE_SEVERITY_WARNING, "warning"))

static KlyngeProblem *
problem_new (KlyngeSeverity  severity,
             int             code,
             const char     *file,
             guint           line,
             guint           column,
             const char     *record_id,
             const char     *message)
{
  KlyngeProblem *problem;

  problem = g_new0 (KlyngeProblem, 1);
  g_atomic_ref_count_init (&problem->ref_count);
  problem->code = code;
  problem->severity = severity;
  problem->file = g_strdup (file);
  problem->line = line;
  problem->column = column;
  problem->record_id = g_strdup (record_id);
  problem->message = g_strdup (message);
  return problem;
}

/**
 * klynge_problem_new:
 * @code: a #KlyngeError code
 * @file: (nullable): the file the problem is in
 * @line: its line, or 0
 * @column: its column, or 0
 * @record_id: (nullable): the record it concerns
 * @message: what is wrong, without the location
 *
 * Makes a problem of severity %KLYNGE_SEVERITY_ERROR; see
 * klynge_problem_new_warning() for a warning.
 *
 * Returns: (transfer full): a new problem
 */
KlyngeProblem *
klynge_problem_new (int         code,
                    const char *file,
                    guint       line,
                    guint       column,
                    const char *record_id,
                    const char *message)
{
  g_return_val_if_fail (message != NULL, NULL);

  return problem_new (KLYNGE_SEVERITY_ERROR, code, file, line, column, record_id, message);
}

/**
 * klynge_problem_new_warning:
 * @code: a #KlyngeError code
 * @file: (nullable): the file the problem is in
 * @line: its line, or 0
 * @column: its column, or 0
 * @record_id: (nullable): the record it concerns
 * @message: what is unusual, without the location
 *
 * Like klynge_problem_new(), for a problem of severity
 * %KLYNGE_SEVERITY_WARNING: something unusual that may well be true.
 *
 * Returns: (transfer full): a new problem
 */
KlyngeProblem *
klynge_problem_new_warning (int         code,
                            const char *file,
                            guint       line,
                            guint       column,
                            const char *record_id,
                            const char *message)
{
  g_return_val_if_fail (message != NULL, NULL);

  return problem_new (KLYNGE_SEVERITY_WARNING, code, file, line, column, record_id, message);
}

/**
 * klynge_problem_ref:
 * @problem: a problem
 *
 * Returns: (transfer full): @problem
 */
KlyngeProblem *
klynge_problem_ref (KlyngeProblem *problem)
{
  g_return_val_if_fail (problem != NULL, NULL);
  g_atomic_ref_count_inc (&problem->ref_count);
  return problem;
}

/**
 * klynge_problem_unref:
 * @problem: (transfer full): a problem
 *
 * Drops a reference; frees the problem when it was the last.
 */
void
klynge_problem_unref (KlyngeProblem *problem)
{
  g_return_if_fail (problem != NULL);
  if (!g_atomic_ref_count_dec (&problem->ref_count))
    return;
  g_free (problem->file);
  g_free (problem->record_id);
  g_free (problem->message);
  g_free (problem);
}

/**
 * klynge_problem_get_code:
 * @problem: a problem
 *
 * Returns: the #KlyngeError code
 */
int
klynge_problem_get_code (const KlyngeProblem *problem)
{
  g_return_val_if_fail (problem != NULL, KLYNGE_ERROR_FAILED);
  return problem->code;
}

/**
 * klynge_problem_get_severity:
 * @problem: a problem
 *
 * Returns: whether @problem is an error or a warning
 */
KlyngeSeverity
klynge_problem_get_severity (const KlyngeProblem *problem)
{
  g_return_val_if_fail (problem != NULL, KLYNGE_SEVERITY_ERROR);
  return problem->severity;
}

/**
 * klynge_problem_get_file:
 * @problem: a problem
 *
 * Returns: (nullable): the file name, or %NULL
 */
const char *
klynge_problem_get_file (const KlyngeProblem *problem)
{
  g_return_val_if_fail (problem != NULL, NULL);
  return problem->file;
}

/**
 * klynge_problem_get_line:
 * @problem: a problem
 *
 * Returns: the line, or 0 where unknown
 */
guint
klynge_problem_get_line (const KlyngeProblem *problem)
{
  g_return_val_if_fail (problem != NULL, 0);
  return problem->line;
}

/**
 * klynge_problem_get_column:
 * @problem: a problem
 *
 * Returns: the column, or 0 where unknown
 */
guint
klynge_problem_get_column (const KlyngeProblem *problem)
{
  g_return_val_if_fail (problem != NULL, 0);
  return problem->column;
}

/**
 * klynge_problem_get_record_id:
 * @problem: a problem
 *
 * Returns: (nullable): the id of the record it concerns, or %NULL
 */
const char *
klynge_problem_get_record_id (const KlyngeProblem *problem)
{
  g_return_val_if_fail (problem != NULL, NULL);
  return problem->record_id;
}

/**
 * klynge_problem_get_message:
 * @problem: a problem
 *
 * Returns: the message, without the location
 */
const char *
klynge_problem_get_message (const KlyngeProblem *problem)
{
  g_return_val_if_fail (problem != NULL, NULL);
  return problem->message;
}

static char *
format_location (const char *file,
                 guint       line,
                 guint       column)
{
  if (file == NULL && line == 0)
    return g_strdup ("");
  if (column > 0)
    return g_strdup_printf ("%s:%u:%u: ", file ? file : "<input>", line, column);
  if (line > 0)
    return g_strdup_printf ("%s:%u: ", file ? file : "<input>", line);
  return g_strdup_printf ("%s: ", file);
}

/**
 * klynge_problem_to_string:
 * @problem: a problem
 *
 * Formats the problem as compilers do: `file:line:col: message`, or
 * `file:line:col: warning: message` for a warning.
 *
 * Returns: (transfer full): the text
 */
char *
klynge_problem_to_string (const KlyngeProblem *problem)
{
  g_autofree char *where = NULL;

  g_return_val_if_fail (problem != NULL, NULL);
  where = format_location (problem->file, problem->line, problem->column);
  return g_strconcat (where, problem->severity == KLYNGE_SEVERITY_WARNING ? "warning: " : "",
                      problem->message, NULL);
}

/* The GError that reports @problem: its code, and klynge_problem_to_string()
 * as the message, so that the error's text and the problem's data agree. */
void
_klynge_problem_to_error (const KlyngeProblem  *problem,
                          GError              **error)
{
  g_autofree char *text = NULL;

  if (error == NULL)
    return;
  text = klynge_problem_to_string (problem);
  g_set_error_literal (error, KLYNGE_ERROR, problem->code, text);
}

KlyngeProblem *
_klynge_problem_new_valist (int         code,
                            const char *file,
                            guint       line,
                            const char *record_id,
                            const char *format,
                            va_list     args)
{
  return _klynge_problem_new_severity_valist (KLYNGE_SEVERITY_ERROR, code, file, line,
                                              record_id, format, args);
}

KlyngeProblem *
_klynge_problem_new_severity_valist (KlyngeSeverity  severity,
                                     int             code,
                                     const char     *file,
                                     guint           line,
                                     const char     *record_id,
                                     const char     *format,
                                     va_list         args)
{
  g_autofree char *message = g_strdup_vprintf (format, args);

  return problem_new (severity, code, file, line, 0, record_id, message);
}

void
_klynge_set_error_at (GError    **error,
                      int         code,
                      const char *file,
                      guint       line,
                      guint       column,
                      const char *format,
                      ...)
{
  g_autofree char *where = NULL;
  g_autofree char *message = NULL;
  va_list args;

  if (error == NULL)
    return;
  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);
  where = format_location (file, line, column);
  g_set_error (error, KLYNGE_ERROR, code, "%s%s", where, message);
}

/* cmd-validate.c: klynge validate FILE...: every problem, with file:line
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#include "config.h"

#include "klynge-tool.h"

static const char description[] =
  "Reads each landscape file and prints every problem in it as\n"
  "“file:line:column: message”, the way compilers do: bad values, unresolved\n"
  "references, records that contradict each other. A problem in the XML\n"
  "itself (a syntax error, a DOCTYPE, an external entity, an unknown element)\n"
  "ends the reading of that file, since the rest cannot be trusted; it is the\n"
  "last problem listed for it. Files are never changed, and nothing a file\n"
  "names is fetched or read.\n"
  "\n"
  "Some problems are warnings, marked “warning:”: unusual data that may\n"
  "well be true, such as a contract that starts before its holder was founded\n"
  "(bodies are funded while being formed). The last line counts errors and\n"
  "warnings apart.\n"
  "\n"
  "Exit status 0 when no file has an error (warnings alone are fine), 1 when\n"
  "any has one.\n"
  "\n"
  "Examples:\n"
  "  klynge validate my-landscape.xml\n"
  "  klynge validate data/*.xml";

/* "2 errors, 1 warning" */
static char *
count_problems (guint n_errors,
                guint n_warnings)
{
  return g_strdup_printf ("%u error%s, %u warning%s", n_errors, n_errors == 1 ? "" : "s",
                          n_warnings, n_warnings == 1 ? "" : "s");
}

int
tool_validate (Tool  *tool,
               int    argc,
               char **argv)
{
  const ToolCommand *command = tool_find_command ("validate");
  guint n_bad = 0, n_errors = 0, n_warnings = 0;
  g_autofree char *counts = NULL;
  int status;

  if (!tool_parse_options (tool, command, description, NULL, &argc, &argv, &status))
    return status;
  if (tool->landscape_path != NULL)
    return tool_usage_error (command, "--landscape does not apply; name the files to check");
  if (argc < 2)
    return tool_usage_error (command, "which files? Name one or more");

  for (int i = 1; i < argc; i++)
    {
      g_autoptr(GPtrArray) problems = klynge_landscape_validate_file (argv[i], NULL);
      guint errors_before = n_errors;

      for (guint j = 0; j < problems->len; j++)
        {
          g_autofree char *text = klynge_problem_to_string (g_ptr_array_index (problems, j));
          KlyngeProblem *problem = g_ptr_array_index (problems, j);

          if (klynge_problem_get_severity (problem) == KLYNGE_SEVERITY_WARNING)
            n_warnings++;
          else
            n_errors++;
          /* a problem without a place (a file that cannot be opened) still
           * names the file */
          if (klynge_problem_get_file (problem) == NULL && !g_str_has_prefix (text, argv[i]))
            g_print ("%s: %s\n", argv[i], text);
          else
            g_print ("%s\n", text);
        }
      if (n_errors > errors_before)
        n_bad++;
    }
  counts = count_problems (n_errors, n_warnings);
  if (n_bad > 0)
    {
      g_printerr ("klynge: %u of %d file%s %s problems: %s\n", n_bad, argc - 1,
                  argc - 1 == 1 ? "" : "s", n_bad == 1 ? "has" : "have", counts);
      return TOOL_EXIT_DATA;
    }
  if (n_warnings > 0)
    g_printerr ("klynge: %s\n", counts);
  return TOOL_EXIT_OK;
}

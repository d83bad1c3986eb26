/* klynge.c: the klynge command-line tool: dispatch and shared helpers
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <locale.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <glib/gstdio.h>
#include <gio/gunixoutputstream.h>

#include "klynge-tool.h"

static const ToolCommand commands[] = {
  { "summary", "", "the landscape on a date: organisations, mergers, funding", tool_summary },
  { "list", "", "list organisations or the designations of programmes, filtered", tool_list },
  { "show", "ID", "every field and source of one record", tool_show },
  { "validate", "FILE...", "check landscape files and list every problem", tool_validate },
  { "export", "", "write the landscape as XML, CSV, GraphML or GEXF", tool_export },
  { "import", "DIR", "make a landscape from a directory of CSV tables", tool_import, TRUE },
  { "lineage", "[ID]", "the predecessors and successors of an organisation", tool_lineage },
  { "due-diligence", "ID ID...", "the report on a possible merger", tool_due_diligence },
  { "merge", "ID ID...", "apply a merger and save the result", tool_merge },
  { "funding", "", "what each funding source paid, by source, holder, year or kind", tool_funding },
  { "diff", "OLD NEW", "what changed between two landscape files", tool_diff, TRUE },
  { "report", "", "the landscape on a date as one HTML page with charts", tool_report },
};

const ToolCommand *
tool_find_command (const char *name)
{
  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    if (strcmp (commands[i].name, name) == 0)
      return &commands[i];
  return NULL;
}

int
tool_fail (const GError *error)
{
  g_printerr ("klynge: %s\n", error->message);
  return TOOL_EXIT_DATA;
}

int
tool_usage_error (const ToolCommand *command,
                  const char        *format,
                  ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);
  if (command != NULL)
    g_printerr ("klynge %s: %s\nTry “klynge %s --help”.\n", command->name, message, command->name);
  else
    g_printerr ("klynge: %s\nTry “klynge --help”.\n", message);
  return TOOL_EXIT_USAGE;
}

/* Help is for a terminal of this many columns. */
#define HELP_COLUMNS 80

/* The column at which the text of a help line starts: after an option and
 * the run of spaces that follows it, or after the line's indentation. */
static glong
help_text_column (const char *line)
{
  const char *p = line + strspn (line, " ");
  const char *gap = *p == '-' ? strstr (p, "  ") : NULL;

  if (gap != NULL)
    p = gap + strspn (gap, " ");
  return g_utf8_pointer_to_offset (line, p);
}

/* Prints @text with every line longer than HELP_COLUMNS broken at spaces,
 * the further lines indented to the line's text column: GOption does not
 * wrap an option's description. */
static void
print_help_wrapped (const char *text)
{
  g_auto(GStrv) lines = g_strsplit (text, "\n", -1);

  for (guint i = 0; lines[i] != NULL; i++)
    {
      const char *line = lines[i];
      glong column, width;
      g_autoptr(GString) out = NULL;
      g_auto(GStrv) words = NULL;

      if (i > 0)
        g_print ("\n");
      if (g_utf8_strlen (line, -1) <= HELP_COLUMNS)
        {
          g_print ("%s", line);
          continue;
        }
      column = help_text_column (line);
      out = g_string_new_len (line, g_utf8_offset_to_pointer (line, column) - line);
      width = column;
      words = g_strsplit (g_utf8_offset_to_pointer (line, column), " ", -1);
      for (guint w = 0; words[w] != NULL; w++)
        {
          glong length = g_utf8_strlen (words[w], -1);

          if (length == 0)
            continue;
          if (width > column && width + 1 + length > HELP_COLUMNS)
            {
              g_print ("%s\n", out->str);
              g_string_truncate (out, 0);
              for (width = 0; width < column; width++)
                g_string_append_c (out, ' ');
            }
          if (width > column)
            {
              g_string_append_c (out, ' ');
              width++;
            }
          g_string_append (out, words[w]);
          width += length;
        }
      g_print ("%s", out->str);
    }
}

gboolean
tool_parse_options (Tool               *tool,
                    const ToolCommand  *command,
                    const char         *description,
                    GOptionEntry       *entries,
                    int                *argc,
                    char             ***argv,
                    int                *status)
{
  gboolean help = FALSE;
  GOptionEntry common[] = {
    { "landscape", 'l', 0, G_OPTION_ARG_FILENAME, &tool->landscape_path,
      "Work on FILE instead of the built-in Danish landscape", "FILE" },
    { "help", 'h', 0, G_OPTION_ARG_NONE, &help, "Show this help", NULL },
    { NULL }
  };
  /* a command that reads no landscape has only --help */
  GOptionEntry *common_entries = command->no_landscape ? common + 1 : common;
  g_autofree char *program = g_strdup_printf ("klynge %s", command->name);
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;

  /* GOption prints "Usage: PRGNAME [OPTION…] PARAMETERS" */
  g_set_prgname (program);
  context = g_option_context_new (command->parameters);

  g_option_context_set_summary (context, command->summary);
  if (description != NULL)
    g_option_context_set_description (context, description);
  if (entries != NULL)
    g_option_context_add_main_entries (context, entries, NULL);
  g_option_context_add_main_entries (context, common_entries, NULL);
  /* printed here rather than by GOption, so that it fits the terminal */
  g_option_context_set_help_enabled (context, FALSE);

  if (!g_option_context_parse (context, argc, argv, &error))
    {
      *status = tool_usage_error (command, "%s", error->message);
      return FALSE;
    }
  *status = TOOL_EXIT_OK;
  if (help)
    {
      g_autofree char *text = g_option_context_get_help (context, TRUE, NULL);

      print_help_wrapped (text);
      return FALSE;
    }
  return TRUE;
}

static void
show_progress (guint64  done,
               guint64  total,
               gpointer user_data)
{
  if (total > 0)
    g_printerr ("\rklynge: reading %s: %3u%%", (const char *) user_data,
                (guint) (done * 100 / total));
}

KlyngeLandscape *
tool_load_landscape (Tool *tool)
{
  g_autoptr(GError) error = NULL;
  KlyngeLandscape *landscape;
  gboolean progress = FALSE;
  GStatBuf st;

  if (tool->landscape_path == NULL)
    return klynge_landscape_new_default ();

  /* progress only where a person watches and the wait is noticeable */
  if (isatty (STDERR_FILENO) && g_stat (tool->landscape_path, &st) == 0 && st.st_size > 16 * 1024 * 1024)
    progress = TRUE;
  landscape = klynge_landscape_load_file_full (tool->landscape_path, NULL, NULL,
                                               progress ? show_progress : NULL,
                                               tool->landscape_path, &error);
  if (progress)
    g_printerr ("\n");
  if (landscape == NULL)
    tool_fail (error);
  return landscape;
}

gboolean
tool_parse_date (const ToolCommand *command,
                 const char        *option,
                 const char        *text,
                 KlyngeDate        *date)
{
  g_autoptr(GError) error = NULL;

  if (klynge_date_parse (text, date, &error))
    return TRUE;
  tool_usage_error (command, "%s: %s", option, error->message);
  return FALSE;
}

char *
tool_unknown_grants_text (guint n)
{
  if (n == 0)
    return g_strdup ("");
  return g_strdup_printf ("  plus %u grant%s of unknown amount", n, n == 1 ? "" : "s");
}

/* Coverage beside funding: how much of what the programmes' envelopes
 * planned the landscape's contracts that name a programme hold, per
 * source and year (years outside first..last left out; 0 leaves a side
 * open), so a funding table is not read as a funder's whole spending.
 * Nothing when no programme has an envelope. */
void
tool_append_coverage (GString         *out,
                      KlyngeLandscape *landscape,
                      guint            first_year,
                      guint            last_year)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) rows = klynge_landscape_coverage (landscape, NULL, &error);
  int id_width = (int) strlen ("source");
  int envelope_width = (int) strlen ("envelope");
  int recorded_width = (int) strlen ("recorded");
  const char *last_source = NULL;

  if (rows != NULL)
    for (guint i = rows->len; i-- > 0; )
      {
        guint year = klynge_coverage_get_year (g_ptr_array_index (rows, i));

        if ((first_year != 0 && year < first_year) || (last_year != 0 && year > last_year))
          g_ptr_array_remove_index (rows, i);
      }
  if (rows != NULL && rows->len == 0)
    return;
  g_string_append (out, "\nCoverage: contracts naming a programme against its envelopes (DKK, pro-rated by day)\n");
  if (rows == NULL)
    {
      g_string_append_printf (out, "  not shown: %s\n", error->message);
      return;
    }
  for (guint i = 0; i < rows->len; i++)
    {
      KlyngeCoverage *row = g_ptr_array_index (rows, i);
      g_autofree char *envelope = klynge_money_to_grouped_string (klynge_coverage_get_envelope (row));
      g_autofree char *recorded = klynge_money_to_grouped_string (klynge_coverage_get_recorded (row));

      id_width = MAX (id_width, (int) strlen (klynge_coverage_get_source (row)));
      envelope_width = MAX (envelope_width, (int) strlen (envelope));
      recorded_width = MAX (recorded_width, (int) strlen (recorded));
    }
  g_string_append_printf (out, "  %-*s  year  %*s  %*s  coverage\n", id_width, "source", envelope_width,
                          "envelope", recorded_width, "recorded");
  for (guint i = 0; i < rows->len; i++)
    {
      KlyngeCoverage *row = g_ptr_array_index (rows, i);
      const char *source = klynge_coverage_get_source (row);
      g_autofree char *envelope = klynge_money_to_grouped_string (klynge_coverage_get_envelope (row));
      g_autofree char *recorded = klynge_money_to_grouped_string (klynge_coverage_get_recorded (row));
      g_autofree char *ratio = klynge_coverage_format_ratio (row);
      guint n_unknown = klynge_coverage_get_n_unknown_amounts (row);
      g_autofree char *unknown = tool_unknown_grants_text (n_unknown);

      g_string_append_printf (out, "  %-*s  %4u  %*s  %*s  %s%s%s\n", id_width,
                              g_strcmp0 (source, last_source) != 0 ? source : "",
                              klynge_coverage_get_year (row), envelope_width, envelope, recorded_width, recorded,
                              ratio == NULL ? "no envelope" : n_unknown > 0 ? "at least " : "",
                              ratio != NULL ? ratio : "", unknown);
      last_source = source;
    }
}

gboolean
tool_output_is_file (const char *path)
{
  GStatBuf st;

  if (path == NULL || strcmp (path, "-") == 0)
    return FALSE;
  /* a FIFO, /dev/stdout or another device cannot be replaced by a renamed
   * file (nor truncated): write straight to it, as a Unix tool does; so
   * too for /dev/stdout when the shell redirected it to a file */
  return g_stat (path, &st) != 0 || S_ISDIR (st.st_mode)
    || (S_ISREG (st.st_mode) && !g_str_has_prefix (path, "/dev/") && !g_str_has_prefix (path, "/proc/"));
}

GOutputStream *
tool_open_output (const char  *path,
                  GError     **error)
{
  int fd;

  g_return_val_if_fail (!tool_output_is_file (path), NULL);

  if (path == NULL || strcmp (path, "-") == 0)
    return g_unix_output_stream_new (STDOUT_FILENO, FALSE);
  fd = g_open (path, O_WRONLY | O_CLOEXEC, 0);
  if (fd < 0)
    {
      int saved = errno;

      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved),
                   "%s: %s", path, g_strerror (saved));
      return NULL;
    }
  return g_unix_output_stream_new (fd, TRUE);
}

gboolean
tool_close_output (GOutputStream  *stream,
                   GError        **error)
{
  return g_output_stream_close (stream, NULL, error);
}

/* The years of the built-in landscape come from its data, so that this
 * help cannot fall behind it. */
static void
print_help (void)
{
  g_autoptr(KlyngeLandscape) builtin = klynge_landscape_new_default ();
  KlyngeDate first, last;

  klynge_landscape_get_date_span (builtin, &first, &last);
  g_print ("Usage:\n  klynge COMMAND [OPTION…] [ARGUMENT…]\n\n"
           "The Danish cluster landscape: cluster organisations and innovation networks,\n"
           "their members, mergers, funding and the support body's initiatives.\n"
           "Without --landscape FILE, commands work on the built-in landscape of\n"
           "%u–%u (the years of its earliest and latest dates), compiled from public\n"
           "sources.\n\n"
           "Commands:\n", first.year, last.year);
  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    g_print ("  %-15s %s\n", commands[i].name, commands[i].summary);
  g_print ("\nOptions:\n"
           "  -h, --help      Show this help; “klynge COMMAND --help” shows the help of\n"
           "                  a command\n"
           "  --version       Show the version of klynge\n\n"
           "Exit status: 0 success, 1 a problem in the data, 2 a usage error.\n");
}

int
main (int    argc,
      char **argv)
{
  const ToolCommand *command;
  Tool tool = { NULL };
  int status;

  setlocale (LC_ALL, "");

  if (argc < 2)
    {
      print_help ();
      return TOOL_EXIT_USAGE;
    }
  if (strcmp (argv[1], "--help") == 0 || strcmp (argv[1], "-h") == 0 || strcmp (argv[1], "help") == 0)
    {
      print_help ();
      return TOOL_EXIT_OK;
    }
  if (strcmp (argv[1], "--version") == 0)
    {
      g_print ("klynge %s\n", klynge_get_version_string ());
      return TOOL_EXIT_OK;
    }
  command = tool_find_command (argv[1]);
  if (command == NULL)
    return tool_usage_error (NULL, "“%s” is not a command", argv[1]);

  status = command->run (&tool, argc - 1, argv + 1);
  g_free (tool.landscape_path);
  return status;
}

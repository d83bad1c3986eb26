/* klynge-tool.h: what the subcommands of the klynge tool share
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#pragma once

#include <klynge/klynge.h>

G_BEGIN_DECLS

/* Exit statuses, as klynge(1) documents them. */
enum {
  TOOL_EXIT_OK = 0,
  TOOL_EXIT_DATA = 1,     /* the data has a problem, or an operation failed */
  TOOL_EXIT_USAGE = 2,    /* the command line is wrong */
};

typedef struct {
  /* --landscape FILE; NULL means the built-in Danish landscape */
  char *landscape_path;
} Tool;

typedef struct {
  const char *name;
  const char *parameters;   /* for --help, such as "ID [ID...]" */
  const char *summary;      /* one line for klynge --help */
  int (*run) (Tool *tool, int argc, char **argv);
  gboolean no_landscape;    /* reads no landscape: takes no --landscape */
} ToolCommand;

/* Parses a command's options (with --landscape added) from argv, which
 * starts with the command name. On a usage error prints it with a hint
 * and returns FALSE with *status = TOOL_EXIT_USAGE; for --help prints
 * the help and returns FALSE with *status = TOOL_EXIT_OK. */
gboolean          tool_parse_options   (Tool           *tool,
                                        const ToolCommand *command,
                                        const char     *description,
                                        GOptionEntry   *entries,
                                        int            *argc,
                                        char         ***argv,
                                        int            *status);

/* The landscape to work on: --landscape FILE or the built-in one. On
 * failure prints the error to stderr and returns NULL. Shows progress on
 * stderr for large files when stderr is a terminal. */
KlyngeLandscape  *tool_load_landscape  (Tool           *tool);

/* Prints "klynge: MESSAGE" to stderr and returns TOOL_EXIT_DATA. */
int               tool_fail            (const GError   *error);

/* Prints "klynge COMMAND: MESSAGE" and a --help hint to stderr and
 * returns TOOL_EXIT_USAGE. */
int               tool_usage_error     (const ToolCommand *command,
                                        const char     *format,
                                        ...) G_GNUC_PRINTF (2, 3);

/* Parses a date argument such as --as-of; on failure reports a usage
 * error and returns FALSE. */
gboolean          tool_parse_date      (const ToolCommand *command,
                                        const char     *option,
                                        const char     *text,
                                        KlyngeDate     *date);

/* What a sum leaves out: "" for @n 0, else "  plus N grants of unknown
 * amount" (klynge_funding_total_get_n_unknown()), so that no total reads
 * as complete when it is not. */
char             *tool_unknown_grants_text (guint n);
void              tool_append_coverage   (GString         *out,
                                          KlyngeLandscape *landscape,
                                          guint            first_year,
                                          guint            last_year);

/* Whether --output @path is a file that the library replaces all or
 * nothing (klynge_landscape_save_file() and the exports' _file
 * functions: a temporary file renamed into place, removed on failure),
 * or a stream to write to directly: standard output for NULL or "-", a
 * FIFO or a device such as /dev/stdout, which a renamed file cannot
 * replace. */
gboolean          tool_output_is_file  (const char     *path);
/* Opens --output @path when it is not a file (see above). */
GOutputStream    *tool_open_output     (const char     *path,
                                        GError        **error);
gboolean          tool_close_output    (GOutputStream  *stream,
                                        GError        **error);

/* The commands, one file each in tools/. */
int tool_summary        (Tool *tool, int argc, char **argv);
int tool_list           (Tool *tool, int argc, char **argv);
int tool_show           (Tool *tool, int argc, char **argv);
int tool_validate       (Tool *tool, int argc, char **argv);
int tool_export         (Tool *tool, int argc, char **argv);
int tool_import         (Tool *tool, int argc, char **argv);
int tool_lineage        (Tool *tool, int argc, char **argv);
int tool_due_diligence  (Tool *tool, int argc, char **argv);
int tool_merge          (Tool *tool, int argc, char **argv);
int tool_funding        (Tool *tool, int argc, char **argv);
int tool_diff           (Tool *tool, int argc, char **argv);
int tool_report         (Tool *tool, int argc, char **argv);

const ToolCommand *tool_find_command (const char *name);

G_END_DECLS

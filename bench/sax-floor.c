/* sax-floor.c: the floor every load is measured against
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * A bare libxml2 SAX2 pass that does nothing with what it reads: the file
 * is read in 256 KiB chunks (as klynge's loader reads it) and pushed
 * through xmlParseChunk with empty SAX2 callbacks, with the options the
 * loader uses (no network, no entity substitution, no DTD). It prints the
 * seconds the pass took, so the caller can time it without process start.
 *
 *   sax-floor FILE [REPEATS]
 */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

#include <glib.h>
#include <libxml/parser.h>
#include <libxml/SAX2.h>

static guint64 n_elements;

static void
on_start (void           *ctx,
          const xmlChar  *localname,
          const xmlChar  *prefix,
          const xmlChar  *uri,
          int             nb_namespaces,
          const xmlChar **namespaces,
          int             nb_attributes,
          int             nb_defaulted,
          const xmlChar **attributes)
{
  n_elements++;
}

static void
on_end (void          *ctx,
        const xmlChar *localname,
        const xmlChar *prefix,
        const xmlChar *uri)
{
}

static void
on_characters (void          *ctx,
               const xmlChar *chars,
               int            length)
{
}

#define CHUNK_SIZE (256 * 1024)

static int
pass (const char *path)
{
  xmlSAXHandler sax = { 0 };
  xmlParserCtxtPtr parser;
  char *buffer = g_malloc (CHUNK_SIZE);
  int fd = open (path, O_RDONLY | O_CLOEXEC);
  int ok;

  if (fd < 0)
    {
      g_printerr ("sax-floor: cannot open %s: %s\n", path, g_strerror (errno));
      exit (1);
    }
  sax.initialized = XML_SAX2_MAGIC;
  sax.startElementNs = on_start;
  sax.endElementNs = on_end;
  sax.characters = on_characters;
  parser = xmlCreatePushParserCtxt (&sax, NULL, NULL, 0, path);
  xmlCtxtUseOptions (parser, XML_PARSE_NONET | XML_PARSE_NOWARNING | XML_PARSE_NOERROR);
  for (;;)
    {
      ssize_t n = read (fd, buffer, CHUNK_SIZE);

      if (n < 0 && errno == EINTR)
        continue;
      if (n < 0)
        {
          g_printerr ("sax-floor: cannot read %s: %s\n", path, g_strerror (errno));
          exit (1);
        }
      xmlParseChunk (parser, buffer, (int) n, n == 0);
      if (n == 0)
        break;
    }
  ok = parser->wellFormed;
  xmlFreeParserCtxt (parser);
  close (fd);
  g_free (buffer);
  return ok;
}

int
main (int    argc,
      char **argv)
{
  int repeats = argc > 2 ? atoi (argv[2]) : 1;

  if (argc < 2 || repeats < 1)
    {
      g_printerr ("usage: sax-floor FILE [REPEATS]\n");
      return 2;
    }
  xmlInitParser ();
  for (int i = 0; i < repeats; i++)
    {
      gint64 start = g_get_monotonic_time ();

      n_elements = 0;
      if (!pass (argv[1]))
        {
          g_printerr ("sax-floor: %s is not well-formed\n", argv[1]);
          return 1;
        }
      printf ("%.6f %" G_GUINT64_FORMAT "\n", (g_get_monotonic_time () - start) / 1e6, n_elements);
    }
  return 0;
}

/* klynge-generate.c: a deterministic synthetic landscape, for benchmarks
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * Writes a valid landscape in canonical form (exactly what
 * klynge_landscape_save_file() writes for it) from a seed and a few
 * counts: funding sources, members, organisations with memberships,
 * contracts in renewal chains, and completed mergers that form lineages
 * several steps deep. The same seed and counts give the same bytes.
 * Members are synthetic ("Virksomhed 123 ApS"); none is real.
 *
 *   klynge-generate --seed 1 --organisations 10000 --members 1000000 \
 *     --memberships 3000000 --contracts 20000 --mergers 2000 -o big.xml
 *
 * With --roles, every membership has a role (format version 2) and
 * some that ended have an end reason; the rest of the file is the same
 * bytes as without, so that the cost of the roles can be measured alone.
 *
 * With --change-memberships=P, about P % of the memberships differ from
 * the file written without it, as the next year's edition of a landscape
 * would (a third each: left out, the until date added or taken away, the
 * since date left out, which makes it another membership); the choice
 * comes from a random sequence of its own, so everything else is the
 * same bytes. `make bench` times `klynge_landscape_diff()` on the pair.
 */
#include "config.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <fcntl.h>

#include <glib.h>
#include <glib/gstdio.h>

/* --- output ------------------------------------------------------------- */

#define OUT_SIZE (1 << 20)

typedef struct {
  int fd;
  char buf[OUT_SIZE];
  gsize len;
  guint64 total;
} Out;

static void
out_flush (Out *out)
{
  const char *p = out->buf;
  gsize n = out->len;

  while (n > 0)
    {
      gssize w = write (out->fd, p, n);

      if (w < 0 && errno == EINTR)
        continue;
      if (w <= 0)
        {
          g_printerr ("klynge-generate: cannot write: %s\n", g_strerror (errno));
          exit (1);
        }
      p += w;
      n -= (gsize) w;
    }
  out->total += out->len;
  out->len = 0;
}

static inline void
out_put (Out        *out,
         const char *s,
         gsize       n)
{
  if (out->len + n > OUT_SIZE)
    out_flush (out);
  memcpy (out->buf + out->len, s, n);
  out->len += n;
}

#define PUT(out, lit) out_put ((out), (lit), sizeof (lit) - 1)

static inline void
out_str (Out        *out,
         const char *s)
{
  out_put (out, s, strlen (s));
}

static inline void
out_uint (Out     *out,
          guint64  v)
{
  char tmp[24];
  int i = sizeof tmp;

  do
    {
      tmp[--i] = (char) ('0' + v % 10);
      v /= 10;
    }
  while (v != 0);
  out_put (out, tmp + i, sizeof tmp - (gsize) i);
}

/* two digits, zero-padded */
static inline void
out_2 (Out  *out,
       guint v)
{
  char tmp[2] = { (char) ('0' + v / 10), (char) ('0' + v % 10) };
  out_put (out, tmp, 2);
}

/* --- randomness: splitmix64, so every platform gives the same bytes ----- */

static guint64 rng_state;

static inline guint64
rng_next (void)
{
  guint64 z = (rng_state += G_GUINT64_CONSTANT (0x9E3779B97F4A7C15));

  z = (z ^ (z >> 30)) * G_GUINT64_CONSTANT (0xBF58476D1CE4E5B9);
  z = (z ^ (z >> 27)) * G_GUINT64_CONSTANT (0x94D049BB133111EB);
  return z ^ (z >> 31);
}

/* The roles' own sequence, so that --roles changes nothing else. */
static guint64 role_state;

static inline guint64
role_next (void)
{
  guint64 saved = rng_state, z;

  rng_state = role_state;
  z = rng_next ();
  role_state = rng_state;
  rng_state = saved;
  return z;
}

/* --change-memberships: its own sequence, so that it changes nothing
 * else. */
static guint64 change_state;

static inline guint64
change_next (void)
{
  guint64 saved = rng_state, z;

  rng_state = change_state;
  z = rng_next ();
  change_state = rng_state;
  rng_state = saved;
  return z;
}

/* uniform in [0, n) */
static inline guint64
rng_below (guint64 n)
{
  return n == 0 ? 0 : rng_next () % n;
}

static inline guint64
rng_range (guint64 lo,
           guint64 hi)
{
  return lo + rng_below (hi - lo + 1);
}

/* --- dates -------------------------------------------------------------- */

typedef struct {
  guint16 year;
  guint8 month;     /* 0 when only the year is known */
  guint8 day;       /* 0 when only the month is known */
} Date;

static void
out_date_attr (Out        *out,
               const char *name,
               Date        d)
{
  if (d.year == 0)
    return;
  out_put (out, " ", 1);
  out_str (out, name);
  PUT (out, "=\"");
  out_uint (out, d.year);
  if (d.month != 0)
    {
      PUT (out, "-");
      out_2 (out, d.month);
      if (d.day != 0)
        {
          PUT (out, "-");
          out_2 (out, d.day);
        }
    }
  PUT (out, "\"");
}

/* a date in @year with a random precision */
static Date
random_date_in (guint year)
{
  Date d = { (guint16) year, 0, 0 };
  guint p = (guint) rng_below (10);

  if (p >= 3)
    d.month = (guint8) rng_range (1, 12);
  if (p >= 6)
    d.day = (guint8) rng_range (1, g_date_get_days_in_month (d.month, d.year));
  return d;
}

static Date
date_from_julian (guint32 julian)
{
  GDate g;
  Date d;

  g_date_clear (&g, 1);
  g_date_set_julian (&g, julian);
  d.year = g_date_get_year (&g);
  d.month = g_date_get_month (&g);
  d.day = g_date_get_day (&g);
  return d;
}

static guint32
julian_of (guint year,
           guint month,
           guint day)
{
  GDate g;

  g_date_clear (&g, 1);
  g_date_set_dmy (&g, day, month, year);
  return g_date_get_julian (&g);
}

/* --- the landscape ------------------------------------------------------ */

typedef struct {
  Date founded;
  Date dissolved;
  guint first_year;  /* memberships start no earlier */
  guint last_year;   /* nor later */
} Org;

static const char * const member_kinds[] = { "company", "company", "company", "knowledge-institution", "public", "other" };
static const char * const member_sizes[] = { NULL, NULL, "micro", "sme", "sme", "large" };
static const char * const org_kinds[] = { "cluster", "cluster", "innovation-network", "other" };
static const char * const cities[] = {
  "Aalborg", "Aarhus C", "Odense M", "København V", "Esbjerg", "Vejle", "Lemvig",
  "Næstved", "Herning", "Sønderborg", "Roskilde", "Kolding",
};
static const char * const focus_areas[] = {
  "energy", "life-science", "food", "water", "robotics", "digital", "maritime",
  "construction", "design", "tourism", "materials", "logistics",
};
static const char * const word_a[] = {
  "Nord", "Syd", "Øst", "Vest", "Midt", "Fyn", "Sjælland", "Jylland", "Hav",
  "Skov", "Sø", "Å",
};
static const char * const word_b[] = {
  "tech", "bygg", "mad", "energi", "data", "design", "robot", "bio", "vand",
  "grøn", "metal", "plast",
};
static const char * const suffixes[] = { " ApS", " A/S", " I/S", " & Søn ApS", "", " P/S" };

static void
out_cvr (Out  *out,
         const char *attribute)
{
  static const guint weights[8] = { 2, 7, 6, 5, 4, 3, 2, 1 };
  char digits[8];
  guint sum;

  do
    {
      sum = 0;
      for (guint i = 0; i < 7; i++)
        {
          digits[i] = (char) ('0' + (i == 0 ? rng_range (1, 9) : rng_below (10)));
          sum += weights[i] * (guint) (digits[i] - '0');
        }
      sum = (11 - sum % 11) % 11;
    }
  while (sum == 10);
  digits[7] = (char) ('0' + sum);
  out_put (out, " ", 1);
  out_str (out, attribute);
  PUT (out, "=\"");
  out_put (out, digits, 8);
  PUT (out, "\"");
}

static void
out_member (Out     *out,
            guint64  i)
{
  const char *size = member_sizes[rng_below (G_N_ELEMENTS (member_sizes))];
  const char *suffix = suffixes[rng_below (G_N_ELEMENTS (suffixes))];

  PUT (out, "    <member id=\"m-");
  out_uint (out, i + 1);
  PUT (out, "\"");
  if (rng_below (10) < 4)
    out_cvr (out, "cvr");
  PUT (out, " kind=\"");
  out_str (out, member_kinds[rng_below (G_N_ELEMENTS (member_kinds))]);
  PUT (out, "\"");
  if (size != NULL)
    {
      PUT (out, " size=\"");
      out_str (out, size);
      PUT (out, "\"");
    }
  PUT (out, ">\n      <name>");
  out_str (out, word_a[rng_below (G_N_ELEMENTS (word_a))]);
  out_str (out, word_b[rng_below (G_N_ELEMENTS (word_b))]);
  /* '&' must come out escaped, as the writer escapes it */
  if (strchr (suffix, '&') != NULL)
    PUT (out, " &amp; Søn ApS");
  else
    out_str (out, suffix);
  PUT (out, "</name>\n    </member>\n");
}

static int
compare_u32 (const void *a,
             const void *b)
{
  guint32 x = *(const guint32 *) a, y = *(const guint32 *) b;

  return x < y ? -1 : x > y;
}

/* @k distinct member indexes below @n, sorted */
static void
pick_members (guint32 *out,
              guint    k,
              guint32  n)
{
  guint have = 0;

  while (have < k)
    {
      guint unique = 0;

      for (guint i = have; i < k; i++)
        out[i] = (guint32) rng_below (n);
      qsort (out, k, sizeof *out, compare_u32);
      for (guint i = 0; i < k; i++)
        if (unique == 0 || out[i] != out[unique - 1])
          out[unique++] = out[i];
      have = unique;
    }
}

/* The first and last day a (partial) date stands for. */
static guint32
first_day_of (Date d)
{
  return julian_of (d.year, d.month != 0 ? d.month : 1, d.day != 0 ? d.day : 1);
}

static guint32
last_day_of (Date d)
{
  guint month = d.month != 0 ? d.month : 12;

  return julian_of (d.year, month, d.day != 0 ? d.day : g_date_get_days_in_month (month, d.year));
}

/* @d, or the founding or dissolution date of @org when @d would certainly
 * lie outside its life: klynge validate reports whatever runs before an
 * organisation's founding or after its dissolution. */
static Date
within_life (const Org *org,
             Date       d)
{
  if (org->founded.year != 0 && last_day_of (d) < first_day_of (org->founded))
    return org->founded;
  if (org->dissolved.year != 0 && first_day_of (d) > last_day_of (org->dissolved))
    return org->dissolved;
  return d;
}

static gboolean
fits_in_life (const Org *org,
              Date       d)
{
  Date within = within_life (org, d);

  return within.year == d.year && within.month == d.month && within.day == d.day;
}

static gboolean opt_roles = FALSE;

/* With --roles: a role on every membership. The canonical form leaves
 * the default role (member) out, so the one written is partner or
 * participant; an ended membership has an end reason half the time. */
static void
out_role_and_end (Out      *out,
                  guint64   r,
                  gboolean  ended)
{
  static const char * const ends[] = { "left", "merged", "dissolved", "unknown" };

  out_str (out, r & 1 ? " role=\"participant\"" : " role=\"partner\"");
  if (ended && (r & 2))
    {
      PUT (out, " end=\"");
      out_str (out, ends[(r >> 2) % G_N_ELEMENTS (ends)]);
      PUT (out, "\"");
    }
}

/* What --change-memberships does to one membership. */
typedef enum {
  CHANGE_NONE,
  CHANGE_DROP,         /* left out */
  CHANGE_UNTIL,        /* an until date added, or the one it has taken away */
  CHANGE_SINCE,        /* its since date left out */
} Change;

static guint change_basis_points = 0;   /* of the memberships to change */

static void
out_membership (Out     *out,
                guint32  member,
                Org     *org)
{
  guint since_year = (guint) rng_range (org->first_year, org->last_year);
  Date since = within_life (org, random_date_in (since_year));
  Date until = { 0, 0, 0 };
  guint64 role = opt_roles ? role_next () : 0;
  Change change = CHANGE_NONE;

  /* every draw of the main sequence is made whatever is written */
  if (rng_below (10) < 2)
    {
      Date last = { (guint16) rng_range (since_year, org->last_year), 12, 31 };
      until = within_life (org, last);
    }
  if (change_basis_points > 0)
    {
      guint64 r = change_next ();

      if (r % 10000 < change_basis_points)
        change = (Change) (CHANGE_DROP + (r >> 32) % 3);
    }
  if (change == CHANGE_DROP)
    return;
  if (change == CHANGE_UNTIL)
    {
      Date last = { (guint16) org->last_year, 12, 31 };
      Date none = { 0, 0, 0 };

      until = until.year != 0 ? none : within_life (org, last);
    }

  PUT (out, "      <membership member=\"m-");
  out_uint (out, (guint64) member + 1);
  PUT (out, "\"");
  if (change != CHANGE_SINCE)
    out_date_attr (out, "since", since);
  out_date_attr (out, "until", until);
  if (opt_roles)
    out_role_and_end (out, role, until.year != 0);
  PUT (out, "/>\n");
}

int
main (int    argc,
      char **argv)
{
  gint64 seed = 1, n_orgs = 1000, n_members = 100000, n_memberships = 300000;
  gint64 n_contracts = -1, n_mergers = -1;
  double change_percent = 0;
  char *output = NULL;
  GOptionEntry entries[] = {
    { "seed", 's', 0, G_OPTION_ARG_INT64, &seed, "Seed of the generator (1)", "N" },
    { "organisations", 0, 0, G_OPTION_ARG_INT64, &n_orgs, "Organisations (1000)", "N" },
    { "members", 0, 0, G_OPTION_ARG_INT64, &n_members, "Members (100000)", "N" },
    { "memberships", 0, 0, G_OPTION_ARG_INT64, &n_memberships, "Memberships in all (300000)", "N" },
    { "contracts", 0, 0, G_OPTION_ARG_INT64, &n_contracts, "Contracts (2 per organisation)", "N" },
    { "mergers", 0, 0, G_OPTION_ARG_INT64, &n_mergers, "Completed mergers (a fifth of the organisations)", "N" },
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output, "Where to write (standard output)", "FILE" },
    { "roles", 0, 0, G_OPTION_ARG_NONE, &opt_roles, "A role on every membership, some end reasons (format version 2)", NULL },
    { "change-memberships", 0, 0, G_OPTION_ARG_DOUBLE, &change_percent,
      "Change about P % of the memberships, nothing else (0)", "P" },
    { NULL }
  };
  g_autoptr(GOptionContext) context = g_option_context_new ("- write a synthetic klynge landscape");
  g_autoptr(GError) error = NULL;
  Org *orgs;
  guint32 *picked;
  guint64 n_leaves, max_k = 0, assigned = 0;
  guint32 *counts;
  Out *out;
  /* merger j: predecessors pred[2j], pred[2j+1], successor n_leaves + j */
  guint32 *pred;
  guint32 *pool;
  guint64 pool_len;
  guint64 pool_ready;      /* pool[pool_ready..] founded on the current day */
  guint32 current_day = 0;
  static const char * const sources[] = { "siu", "es", "region-nord", "region-midt", "eu-interreg" };

  g_option_context_add_main_entries (context, entries, NULL);
  g_option_context_set_description (context,
    "The same seed and counts always give the same bytes. Sizes used by make bench:\n"
    "  27 MB:  --organisations 1000 --members 100000 --memberships 300000\n"
    "  273 MB: --organisations 10000 --members 1000000 --memberships 3000000\n");
  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      g_printerr ("klynge-generate: %s\n", error->message);
      return 2;
    }
  if (n_contracts < 0)
    n_contracts = 2 * n_orgs;
  if (n_mergers < 0)
    n_mergers = n_orgs / 5;
  if (n_orgs < 1 || n_members < 1 || n_memberships < 0 || 3 * n_mergers > n_orgs
      || n_memberships > n_orgs * n_members || n_orgs > G_MAXUINT32 || n_members > G_MAXUINT32)
    {
      g_printerr ("klynge-generate: the counts do not fit (at least one organisation and member, "
                  "mergers at most a third of the organisations)\n");
      return 2;
    }
  if (!(change_percent >= 0 && change_percent <= 100))
    {
      g_printerr ("klynge-generate: --change-memberships takes a percentage, 0 to 100\n");
      return 2;
    }
  change_basis_points = (guint) (change_percent * 100 + 0.5);
  rng_state = (guint64) seed;
  role_state = (guint64) seed ^ G_GUINT64_CONSTANT (0x5DEECE66D);
  change_state = (guint64) seed ^ G_GUINT64_CONSTANT (0x2545F4914F6CDD1D);

  out = g_new0 (Out, 1);
  out->fd = 1;
  if (output != NULL)
    {
      out->fd = g_open (output, O_WRONLY | O_CREAT | O_TRUNC, 0644);
      if (out->fd < 0)
        {
          g_printerr ("klynge-generate: cannot create %s: %s\n", output, g_strerror (errno));
          return 1;
        }
    }

  /* organisations: leaves first, then one successor per merger */
  orgs = g_new0 (Org, n_orgs);
  n_leaves = (guint64) (n_orgs - n_mergers);
  for (guint64 i = 0; i < n_leaves; i++)
    {
      guint year = (guint) rng_range (1995, 2009);

      orgs[i].founded = random_date_in (year);
      orgs[i].first_year = year;
      orgs[i].last_year = 2024;
    }
  pred = g_new (guint32, 2 * n_mergers + 1);
  pool = g_new (guint32, n_orgs);
  pool_len = 0;
  for (guint64 i = 0; i < n_leaves; i++)
    pool[pool_len++] = (guint32) i;
  pool_ready = pool_len;
  for (gint64 j = 0; j < n_mergers; j++)
    {
      /* effective dates rise with j, so chains run forward in time; with
       * more mergers than days several share a day, and a successor may
       * merge again only on a later day than the one it was founded on */
      guint32 effective = julian_of (2010, 1, 1) + (guint32) ((guint64) j * 5000 / (guint64) n_mergers);
      guint32 successor = (guint32) (n_leaves + (guint64) j);

      if (effective != current_day)
        {
          pool_ready = pool_len;
          current_day = effective;
        }
      for (int p = 0; p < 2; p++)
        {
          /* pool[0..pool_ready) may merge; pool_ready >= 2 because the
           * leaves are at least two per merger */
          guint64 at = rng_below (pool_ready);
          guint32 org = pool[at];

          pool[at] = pool[--pool_ready];
          pool[pool_ready] = pool[--pool_len];
          pred[2 * j + p] = org;
          orgs[org].dissolved = date_from_julian (effective - 1);
          orgs[org].last_year = orgs[org].dissolved.year;
          if (orgs[org].first_year > orgs[org].last_year)
            orgs[org].first_year = orgs[org].last_year;
        }
      orgs[successor].founded = date_from_julian (effective);
      orgs[successor].first_year = orgs[successor].founded.year;
      orgs[successor].last_year = 2024;
      pool[pool_len++] = successor;
    }

  /* memberships per organisation: uneven, summing to the total */
  counts = g_new0 (guint32, n_orgs);
  for (guint64 i = 0; i < (guint64) n_orgs; i++)
    {
      guint64 want = (guint64) n_memberships * (i + 1) / (guint64) n_orgs
                     - (guint64) n_memberships * i / (guint64) n_orgs;
      /* move up to half of it to the next organisation */
      guint64 k = want / 2 + rng_below (want + 1);

      counts[i] = (guint32) MIN (k, (guint64) n_members);
    }
  for (guint64 i = 0; i < (guint64) n_orgs; i++)
    assigned += counts[i];
  /* even it out to the exact total */
  for (guint64 i = 0; assigned != (guint64) n_memberships; i = (i + 1) % (guint64) n_orgs)
    {
      if (assigned > (guint64) n_memberships && counts[i] > 0)
        counts[i]--, assigned--;
      else if (assigned < (guint64) n_memberships && counts[i] < (guint64) n_members)
        counts[i]++, assigned++;
    }
  for (guint64 i = 0; i < (guint64) n_orgs; i++)
    max_k = MAX (max_k, counts[i]);
  picked = g_new (guint32, max_k + 1);

  PUT (out, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
       "<landscape xmlns=\"urn:klynge:landscape:1\" version=\"");
  out_str (out, opt_roles ? "2" : "1");
  PUT (out, "\">\n"
       "  <funding-sources>\n"
       "    <funding-source id=\"siu\" kind=\"national-agency\">\n"
       "      <name>Styrelsen for Institutioner og Uddannelsesstøtte</name>\n"
       "      <parent>Uddannelses- og Forskningsministeriet</parent>\n"
       "    </funding-source>\n"
       "    <funding-source id=\"es\" kind=\"national-agency\">\n"
       "      <name>Erhvervsstyrelsen</name>\n"
       "      <parent>Erhvervsministeriet</parent>\n"
       "    </funding-source>\n"
       "    <funding-source id=\"region-nord\" kind=\"regional\">\n"
       "      <name>Region Nordjylland</name>\n"
       "    </funding-source>\n"
       "    <funding-source id=\"region-midt\" kind=\"regional\">\n"
       "      <name>Region Midtjylland</name>\n"
       "    </funding-source>\n"
       "    <funding-source id=\"eu-interreg\" kind=\"eu-programme\">\n"
       "      <name>Interreg</name>\n"
       "    </funding-source>\n"
       "  </funding-sources>\n"
       "  <members>\n");
  for (guint64 i = 0; i < (guint64) n_members; i++)
    out_member (out, i);
  PUT (out, "  </members>\n  <organisations>\n");

  for (guint64 i = 0; i < (guint64) n_orgs; i++)
    {
      Org *org = &orgs[i];

      PUT (out, "    <organisation id=\"o-");
      out_uint (out, i + 1);
      PUT (out, "\" kind=\"");
      out_str (out, org_kinds[rng_below (G_N_ELEMENTS (org_kinds))]);
      PUT (out, "\"");
      out_date_attr (out, "founded", org->founded);
      out_date_attr (out, "dissolved", org->dissolved);
      if (rng_below (2) == 0)
        out_cvr (out, "cvr");
      PUT (out, ">\n      <name>");
      out_str (out, word_a[rng_below (G_N_ELEMENTS (word_a))]);
      out_str (out, word_b[rng_below (G_N_ELEMENTS (word_b))]);
      PUT (out, " Klynge ");
      out_uint (out, i + 1);
      PUT (out, "</name>\n");
      if (rng_below (2) == 0)
        {
          PUT (out, "      <name-en>Cluster ");
          out_uint (out, i + 1);
          PUT (out, "</name-en>\n");
        }
      PUT (out, "      <website>https://klynge-");
      out_uint (out, i + 1);
      PUT (out, ".example</website>\n      <location city=\"");
      out_str (out, cities[rng_below (G_N_ELEMENTS (cities))]);
      PUT (out, "\" address=\"Vej ");
      out_uint (out, rng_range (1, 200));
      PUT (out, "\" role=\"secretariat\"/>\n      <focus-area>");
      out_str (out, focus_areas[i % G_N_ELEMENTS (focus_areas)]);
      PUT (out, "</focus-area>\n");
      if (rng_below (4) == 0)
        {
          guint year = MAX (org->first_year, 2012);
          const char *level = rng_below (2) ? "gold" : "silver";
          Date awarded = { (guint16) year, 6, 0 }, until = { (guint16) (year + 2), 6, 0 };

          /* only a label that fits in the organisation's life */
          if (fits_in_life (org, awarded) && fits_in_life (org, until))
            {
              PUT (out, "      <label level=\"");
              out_str (out, level);
              PUT (out, "\" awarded=\"");
              out_uint (out, year);
              PUT (out, "-06\" valid-until=\"");
              out_uint (out, year + 2);
              PUT (out, "-06\"/>\n");
            }
        }
      pick_members (picked, counts[i], (guint32) n_members);
      for (guint k = 0; k < counts[i]; k++)
        out_membership (out, picked[k], org);
      if (i % 10 == 0)
        {
          PUT (out, "      <source href=\"https://registry.example/o-");
          out_uint (out, i + 1);
          PUT (out, "\" accessed=\"2026-11-27\"/>\n");
        }
      PUT (out, "    </organisation>\n");
    }
  PUT (out, "  </organisations>\n");

  /* contracts: chains of two-year periods, held in turn by the organisations */
  if (n_contracts > 0)
    {
      PUT (out, "  <contracts>\n");
      for (guint64 c = 0; c < (guint64) n_contracts; c++)
        {
          guint64 holder = c % (guint64) n_orgs;
          guint64 step = c / (guint64) n_orgs;
          guint start_year = MAX (orgs[holder].first_year, 2005) + 2 * (guint) step;
          guint n_shares = (guint) rng_range (1, 3);
          static const char * const percents[4][3] = {
            { NULL }, { "100.00" }, { "50.00", "50.00" }, { "40.00", "35.00", "25.00" }
          };
          guint first_source = (guint) rng_below (G_N_ELEMENTS (sources));

          PUT (out, "    <contract id=\"c-");
          out_uint (out, c + 1);
          PUT (out, "\" holder=\"o-");
          out_uint (out, holder + 1);
          PUT (out, "\"");
          {
            Date start = { (guint16) start_year, 10, 1 }, end = { (guint16) (start_year + 2), 9, 30 };

            out_date_attr (out, "start", within_life (&orgs[holder], start));
            out_date_attr (out, "end", within_life (&orgs[holder], end));
          }
          PUT (out, " amount=\"");
          out_uint (out, rng_range (100, 20000) * 1000);
          PUT (out, ".00\"");
          if (step > 0)
            {
              PUT (out, " renews=\"c-");
              out_uint (out, c + 1 - (guint64) n_orgs);
              PUT (out, "\"");
            }
          PUT (out, ">\n");
          for (guint s = 0; s < n_shares; s++)
            {
              PUT (out, "      <share source=\"");
              out_str (out, sources[(first_source + s) % G_N_ELEMENTS (sources)]);
              PUT (out, "\" percent=\"");
              out_str (out, percents[n_shares][s]);
              PUT (out, "\"/>\n");
            }
          PUT (out, "    </contract>\n");
        }
      PUT (out, "  </contracts>\n");
    }

  if (n_mergers > 0)
    {
      PUT (out, "  <mergers>\n");
      for (gint64 j = 0; j < n_mergers; j++)
        {
          guint64 successor = n_leaves + (guint64) j;

          PUT (out, "    <merger id=\"mg-");
          out_uint (out, (guint64) j + 1);
          PUT (out, "\"");
          out_date_attr (out, "effective", orgs[successor].founded);
          PUT (out, " successor=\"o-");
          out_uint (out, successor + 1);
          PUT (out, "\" kind=\"merger\" status=\"completed\">\n");
          for (int p = 0; p < 2; p++)
            {
              PUT (out, "      <predecessor ref=\"o-");
              out_uint (out, (guint64) pred[2 * j + p] + 1);
              PUT (out, "\"/>\n");
            }
          PUT (out, "    </merger>\n");
        }
      PUT (out, "  </mergers>\n");
    }
  PUT (out, "</landscape>\n");
  out_flush (out);
  if (out->fd != 1 && close (out->fd) != 0)
    {
      g_printerr ("klynge-generate: cannot close %s: %s\n", output, g_strerror (errno));
      return 1;
    }

  g_free (out);
  g_free (orgs);
  g_free (pred);
  g_free (pool);
  g_free (counts);
  g_free (picked);
  g_free (output);
  return 0;
}

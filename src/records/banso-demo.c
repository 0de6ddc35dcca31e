/* banso-demo.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "banso-records"

#include "config.h"

#include <glib/gi18n.h>
#include <stdlib.h>

#include "banso-demo.h"
#include "banso-user-store.h"
#include "banso-household-store.h"
#include "banso-prestige.h"
#include "banso-reference.h"

/* The demo district: Sơn La's real communes with synthetic households whose
 * names follow each group's naming, in roughly the province's proportions
 * (2019 census: Thái 53 %, Kinh 17 %, Mông 16 %, Mường 8 %, Dao, Khơ Mú,
 * Xinh Mun and others the rest). Every name, ID and number here is invented;
 * the window marks the data as a demo.
 */

typedef struct
{
  const char  *code;
  guint        weight;          /* per mille */
  const char **surnames;
  const char **male_middle;
  const char **female_middle;
  const char **male_given;
  const char **female_given;
} Group;

#define LIST(...) (const char *[]){ __VA_ARGS__, NULL }

static const Group groups[] = {
  { "03", 532,
    LIST ("Lò", "Lường", "Cầm", "Quàng", "Vì", "Tòng", "Điêu", "Hà", "Lù", "Lèo", "Bạc", "Sa", "Mè"),
    LIST ("Văn"), LIST ("Thị"),
    LIST ("Pơm", "Xuân", "Ươn", "Inh", "Chanh", "Khăm", "Piêng", "Ước", "Thanh", "Bun", "Ón",
          "Sơn", "Chiến", "Phong", "Panh", "Tiến", "Hặc", "Ngoan", "Xôm", "Lả"),
    LIST ("Ban", "Un", "Hương", "Ẻ", "Lả", "Ngọc", "Pọm", "Xiêng", "Ín", "Ỏm", "Thoa", "Hoa",
          "Sinh", "Doan", "Yến", "Mai") },
  { "01", 165,
    LIST ("Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Vũ", "Đặng", "Bùi", "Đỗ", "Ngô", "Dương"),
    LIST ("Văn", "Đức", "Minh", "Quang", "Xuân"), LIST ("Thị", "Thu", "Ngọc", "Thanh"),
    LIST ("Hùng", "Dũng", "Tuấn", "Nam", "Hải", "Long", "Thắng", "Cường", "Bình", "Sơn"),
    LIST ("Lan", "Hoa", "Hương", "Hà", "Mai", "Linh", "Nga", "Thủy", "Hằng", "Yến") },
  { "08", 158,
    LIST ("Giàng", "Sùng", "Vàng", "Thào", "Lầu", "Mùa", "Hờ", "Lý", "Hạng", "Tráng", "Cứ"),
    LIST ("A"), LIST ("Thị"),
    LIST ("Páo", "Sử", "Chứ", "Dế", "Lử", "Pó", "Tủa", "Dình", "Sềnh", "Chính", "Nhìa", "Khua"),
    LIST ("Mỷ", "Dợ", "Chía", "Mai", "Xúa", "Súa", "Ly", "Sua", "Pằng", "Dua", "Vừ") },
  { "06", 78,
    LIST ("Đinh", "Quách", "Bạch", "Hà", "Xa", "Bùi", "Cao"),
    LIST ("Văn", "Công"), LIST ("Thị"),
    LIST ("Tiến", "Thọ", "Lún", "Hòn", "Mường", "Đương", "Thàng"),
    LIST ("Mến", "Thơm", "Hiền", "Nụ", "Lành", "Mỡ") },
  { "09", 16,
    LIST ("Bàn", "Triệu", "Đặng", "Lý", "Phàn", "Chảo", "Tẩn"),
    LIST ("Văn", "Seo", "Tòn"), LIST ("Thị", "Mẩy"),
    LIST ("Kiềm", "Phin", "Sinh", "Chòi", "Chiêu", "Quẩy", "Lở"),
    LIST ("Mẩy", "Chiêu", "Slàn", "Mùi", "Xiêm") },
  { "29", 13,
    LIST ("Lò", "Quàng", "Vi", "Cà", "Lường"),
    LIST ("Văn"), LIST ("Thị"),
    LIST ("Nhất", "Phanh", "Thoi", "Pành", "Bó", "Xỉn"),
    LIST ("Un", "Bun", "Ìn", "Kẻo", "Pằn") },
  { "34", 11,
    LIST ("Lò", "Vì", "Lường", "Cầm", "Quàng"),
    LIST ("Văn"), LIST ("Thị"),
    LIST ("Pản", "Khọi", "Xiếng", "Ỏn", "Cún"),
    LIST ("Lứa", "Ỏi", "Ngàn", "Pỏm") },
  { "39", 9,
    LIST ("Lò", "Quàng", "Hà", "Lường"),
    LIST ("Văn"), LIST ("Thị"),
    LIST ("Hoan", "Pọm", "Chăn", "Xiêng"),
    LIST ("Hoan", "Bun", "Ỏm") },
  { "33", 9,
    LIST ("Lò", "Quàng", "Vì"),
    LIST ("Văn"), LIST ("Thị"),
    LIST ("Páu", "Lậu", "Đôi"),
    LIST ("Pọm", "Ún", "Kẹo") },
  { "37", 9,
    LIST ("Lò", "Lường", "Cầm", "Vì"),
    LIST ("Văn"), LIST ("Thị"),
    LIST ("Xiển", "Bua", "Khăm"),
    LIST ("Ón", "Bun", "Xiêng") },
};

static const char *village_syllables[] = {
  "Mòng", "Hụn", "Lè", "Nà", "Pá", "Huổi", "Co", "Phiêng", "Nong", "Hua", "Nặm", "Lướt", "Cang",
  "Sẳng", "Muông", "Tông", "Bó", "Kéo", "Tôm", "Ban", "Pom", "Lằm", "Chiềng", "Ít", "Púng",
};

static const char *influences[] = {
  N_("Whole village"), N_("Clan elders"), N_("Village and neighbouring villages"),
  N_("Youth of the village"), N_("Women of the village"),
};

static const char *
pick (GRand        *rand,
      const char  **list)
{
  guint n = g_strv_length ((char **)list);
  return list[g_rand_int_range (rand, 0, n)];
}

static const Group *
pick_group (GRand *rand)
{
  guint total = 0, r;

  for (guint i = 0; i < G_N_ELEMENTS (groups); i++)
    total += groups[i].weight;
  r = g_rand_int_range (rand, 0, total);
  for (guint i = 0; i < G_N_ELEMENTS (groups); i++)
    {
      if (r < groups[i].weight)
        return &groups[i];
      r -= groups[i].weight;
    }
  return &groups[0];
}

static char *
person_name (GRand       *rand,
             const Group *group,
             const char  *surname,
             BansoSex     sex)
{
  gboolean male = sex == BANSO_SEX_MALE;

  return g_strdup_printf ("%s %s %s", surname,
                          pick (rand, male ? group->male_middle : group->female_middle),
                          pick (rand, male ? group->male_given : group->female_given));
}

/* A citizen ID that passes every check: birth province Sơn La (014), the
 * century-and-sex digit, the year, and six invented digits. */
static char *
citizen_id (GRand    *rand,
            int       year,
            BansoSex  sex)
{
  int century = year >= 2000 ? 2 : 0;

  return g_strdup_printf ("014%d%02d%06d", century + (sex == BANSO_SEX_FEMALE ? 1 : 0),
                          year % 100, g_rand_int_range (rand, 0, 1000000));
}

static void
add_person (GRand          *rand,
            BansoHousehold *h,
            const Group    *group,
            const char     *surname,
            BansoSex        sex,
            int             year,
            const char     *relation)
{
  BansoMember *m = banso_household_add_member (h);

  m->name = person_name (rand, group, surname, sex);
  m->sex = sex;
  if (g_rand_int_range (rand, 0, 3) == 0)
    m->birth = g_strdup_printf ("%04d-%02d-%02d", year, g_rand_int_range (rand, 1, 13),
                                g_rand_int_range (rand, 1, 29));
  else
    m->birth = g_strdup_printf ("%04d", year);
  m->ethnic = g_strdup (group->code);
  m->relation = g_strdup (relation);
  if (year <= 2010 && g_rand_int_range (rand, 0, 10) < 7)
    m->citizen_id = citizen_id (rand, year, sex);
  if (g_str_equal (relation, "head") && g_rand_int_range (rand, 0, 10) < 6)
    m->phone = g_strdup_printf ("0%d%d%07d", (int[]){ 3, 9, 8, 7 }[g_rand_int_range (rand, 0, 4)],
                                g_rand_int_range (rand, 2, 10), g_rand_int_range (rand, 0, 10000000));
}

static BansoHousehold *
make_household (GRand       *rand,
                const Group *group,
                const char  *commune,
                const char  *village)
{
  BansoHousehold *h = banso_household_new ();
  const char *surname = pick (rand, group->surnames);
  BansoSex head_sex = g_rand_int_range (rand, 0, 10) < 8 ? BANSO_SEX_MALE : BANSO_SEX_FEMALE;
  int head_year = g_rand_int_range (rand, 1945, 2002);
  int children = g_rand_int_range (rand, 0, 5);
  int r = g_rand_int_range (rand, 0, 100);

  h->commune = g_strdup (commune);
  h->village = g_strdup (village);
  if (g_rand_int_range (rand, 0, 4) == 0)
    h->address = g_strdup_printf (_("House %d"), g_rand_int_range (rand, 1, 120));

  add_person (rand, h, group, surname, head_sex, head_year, "head");
  /* Years are drawn into variables first: MIN and CLAMP evaluate twice. */
  if (g_rand_int_range (rand, 0, 100) < 85)
    {
      int year = head_year + g_rand_int_range (rand, -3, 6);
      add_person (rand, h, group, pick (rand, group->surnames),
                  head_sex == BANSO_SEX_MALE ? BANSO_SEX_FEMALE : BANSO_SEX_MALE,
                  CLAMP (year, 1940, 2004), "spouse");
    }
  for (int i = 0; i < children; i++)
    {
      int year = head_year + g_rand_int_range (rand, 19, 35);
      add_person (rand, h, group, surname,
                  g_rand_boolean (rand) ? BANSO_SEX_MALE : BANSO_SEX_FEMALE,
                  MIN (year, 2025), "child");
    }
  if (head_year > 1975 && g_rand_int_range (rand, 0, 100) < 15)
    add_person (rand, h, group, surname, BANSO_SEX_FEMALE,
                head_year - g_rand_int_range (rand, 20, 30), "parent");

  banso_household_set_poverty (h, 2024, r < 22 ? BANSO_POVERTY_POOR
                                        : r < 33 ? BANSO_POVERTY_NEAR_POOR
                                        : BANSO_POVERTY_NOT_POOR);
  if (g_rand_int_range (rand, 0, 3) > 0)
    {
      r = MAX (0, r - g_rand_int_range (rand, 0, 8));
      banso_household_set_poverty (h, 2025, r < 19 ? BANSO_POVERTY_POOR
                                            : r < 30 ? BANSO_POVERTY_NEAR_POOR
                                            : BANSO_POVERTY_NOT_POOR);
    }
  return h;
}

/* The demo's people, who log in with the password BANSO_DEMO_PASSWORD. */
static gboolean
create_users (BansoStore  *store,
              BansoUser   *admin,
              GPtrArray   *communes,
              GError     **error)
{
  const char *scope[] = {
    ((BansoRefItem *)g_ptr_array_index (communes, 0))->code,
    ((BansoRefItem *)g_ptr_array_index (communes, 1))->code,
    NULL,
  };
  g_autoptr(BansoUser) head = banso_user_new (BANSO_DEMO_ADMIN, "Hoàng Văn Minh",
                                              BANSO_ROLE_ADMIN, NULL);
  g_autoptr(BansoUser) official = banso_user_new (BANSO_DEMO_OFFICIAL, "Lò Thị Xuân",
                                                  BANSO_ROLE_COMMUNE_OFFICIAL, scope);
  g_autoptr(BansoUser) culture = banso_user_new ("culture", "Cầm Văn Khăm",
                                                 BANSO_ROLE_CULTURAL_STAFF, NULL);
  g_autoptr(BansoUser) trainer = banso_user_new ("trainer", "Nguyễn Thu Hà",
                                                 BANSO_ROLE_TRAINER, NULL);

  BansoUser *users[] = { head, official, culture, trainer };

  for (guint i = 0; i < G_N_ELEMENTS (users); i++)
    {
      g_autoptr(BansoUser) existing = banso_store_dup_user (store, banso_user_get_id (users[i]),
                                                            NULL);

      /* Someone of that name is already there: they are kept as they are. */
      if (existing == NULL &&
          !banso_store_create_user (store, admin, users[i], BANSO_DEMO_PASSWORD, error))
        return FALSE;
    }
  return TRUE;
}

static GMutex hooks_lock;
static GPtrArray *hooks;

/**
 * banso_demo_add_hook:
 *
 * Has @hook add its module's part to every demo made from now on.
 */
void
banso_demo_add_hook (BansoDemoHook hook)
{
  g_mutex_lock (&hooks_lock);
  if (hooks == NULL)
    hooks = g_ptr_array_new ();
  if (!g_ptr_array_find (hooks, hook, NULL))
    g_ptr_array_add (hooks, hook);
  g_mutex_unlock (&hooks_lock);
}

static gboolean
run_hooks (BansoStore  *store,
           BansoUser   *admin,
           GError     **error)
{
  g_autoptr(GPtrArray) copy = NULL;

  g_mutex_lock (&hooks_lock);
  if (hooks != NULL)
    copy = g_ptr_array_copy (hooks, NULL, NULL);
  g_mutex_unlock (&hooks_lock);
  for (guint i = 0; copy != NULL && i < copy->len; i++)
    if (!((BansoDemoHook)g_ptr_array_index (copy, i)) (store, admin, error))
      return FALSE;
  return TRUE;
}

/**
 * banso_demo_generate:
 * @n_households: how many households; 5,000 for the demo, up to millions for
 *   benchmarks
 * @seed: the same seed gives the same district, name for name
 *
 * Fills an empty database with the demo district of Sơn La province and marks
 * it as demo data. Commits every 20,000 households so the write-ahead log stays
 * small; a failure leaves the households committed so far.
 */
gboolean
banso_demo_generate (BansoStore         *store,
                     guint               n_households,
                     guint32             seed,
                     BansoDemoProgress   progress,
                     gpointer            user_data,
                     GError            **error)
{
  g_autoptr(BansoUser) admin = NULL;
  g_autoptr(GPtrArray) communes = NULL;
  g_autoptr(GPtrArray) villages = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) village_communes = g_ptr_array_new ();
  g_autoptr(GHashTable) has_prestige = g_hash_table_new (NULL, NULL);
  g_autoptr(GRand) rand = g_rand_new_with_seed (seed);
  BansoTxn *txn = NULL;
  sqlite3 *db;

  if (!(admin = banso_store_dup_admin (store, error)))
    return FALSE;

  if (!(db = banso_store_acquire_reader (store, error)))
    return FALSE;
  communes = banso_reference_list_communes (db, BANSO_DEMO_PROVINCE, error);
  banso_store_release_reader (store, db);
  if (communes == NULL)
    return FALSE;
  if (communes->len < 2)
    {
      g_set_error (error, BANSO_STORE_ERROR, BANSO_STORE_ERROR_INVALID,
                   _("The reference data has no communes of Sơn La province."));
      return FALSE;
    }

  if (!banso_store_set_meta (store, "demo", "1", error) ||
      !create_users (store, admin, communes, error))
    return FALSE;

  if (!(txn = banso_store_begin (store, admin, error)))
    return FALSE;

  for (guint c = 0; c < communes->len; c++)
    {
      BansoRefItem *commune = g_ptr_array_index (communes, c);
      gboolean ward = g_str_has_prefix (commune->name, "Phường");
      guint n = g_rand_int_range (rand, 5, 11);

      for (guint v = 0; v < n; v++)
        {
          g_autofree char *name = NULL;
          char *id;

          if (ward)
            name = g_strdup_printf ("Tổ dân phố %u", v + 1);
          else
            name = g_strdup_printf ("Bản %s %s",
                                    village_syllables[g_rand_int_range (rand, 0, G_N_ELEMENTS (village_syllables))],
                                    village_syllables[g_rand_int_range (rand, 0, G_N_ELEMENTS (village_syllables))]);
          id = banso_village_find (txn, commune->code, name);
          if (id == NULL)
            id = banso_village_create (txn, commune->code, name, ward ? "to-dan-pho" : "ban",
                                       error);
          if (id == NULL)
            goto fail;
          g_ptr_array_add (villages, id);
          g_ptr_array_add (village_communes, commune->code);
        }
    }

  for (guint i = 0; i < n_households; i++)
    {
      guint v = g_rand_int_range (rand, 0, villages->len);
      const Group *group = pick_group (rand);
      g_autoptr(BansoHousehold) h = make_household (rand, group,
                                                    g_ptr_array_index (village_communes, v),
                                                    g_ptr_array_index (villages, v));

      if (!banso_household_save (txn, h, BANSO_DOC_PUT_DEFAULT, error))
        goto fail;

      if (!g_hash_table_contains (has_prestige, GUINT_TO_POINTER (v + 1)))
        {
          BansoMember *head = banso_household_get_head (h);

          if (head->sex == BANSO_SEX_MALE && atoi (head->birth) < 1972)
            {
              g_autoptr(BansoPrestige) p = banso_prestige_new ();

              p->household = g_strdup (h->id);
              p->member = g_strdup (head->id);
              p->name = g_strdup (head->name);
              p->ethnic = g_strdup (head->ethnic);
              p->commune = g_strdup (h->commune);
              p->village = g_strdup (h->village);
              p->year = g_rand_int_range (rand, 2019, 2026);
              p->influence = g_strdup (_(influences[g_rand_int_range (rand, 0, G_N_ELEMENTS (influences))]));
              p->phone = g_strdup (head->phone);
              if (!banso_prestige_save (txn, p, error))
                goto fail;
              g_hash_table_add (has_prestige, GUINT_TO_POINTER (v + 1));
            }
        }

      if ((i + 1) % 20000 == 0)
        {
          if (!banso_txn_commit (txn, error))
            return FALSE;
          if (progress)
            progress (i + 1, n_households, user_data);
          if (!(txn = banso_store_begin (store, admin, error)))
            return FALSE;
        }
    }

  if (!banso_txn_commit (txn, error) || !run_hooks (store, admin, error))
    return FALSE;
  if (progress)
    progress (n_households, n_households, user_data);
  return TRUE;

fail:
  banso_txn_rollback (txn);
  return FALSE;
}

/* banso-keyboard-layouts.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The layouts of the typing aid, as data. Each key inserts a text and, with Shift, another;
 * the composer (banso-keyboard-composer.c) puts what is typed in the order the script
 * stores it, so the keys themselves only name characters.
 *
 * Thái (Tai Viet): the letters sit where the nearest English letter is on a US keyboard
 * (k ꪀ, t ꪔ, m ꪢ…), low-class consonants plain and high-class ones with Shift, as Tai Dam
 * typists know from SIL's keyboard — and the panel can map those physical keys; the
 * consonants that keyboard reaches with two key
 * presses (kho, go, cho, pho, ro), the spacing tone letters of Tai Don and the symbols
 * are on a row of their own. Every character of U+AA80–U+AADF is on a key.
 *
 * Chăm (Cham script): independent vowels and vowel signs, the consonants in the order of the
 * alphabet (unaspirated plain, aspirated with Shift), the medial consonant signs and the
 * final consonants, digits and punctuation.
 *
 * The Latin layouts hold the letters a physical keyboard has not, precomposed, capitals
 * with Shift, and the combining marks (on a dotted circle) that join the letter before. */

#define G_LOG_DOMAIN "banso-dict"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "banso-keyboard-layout-private.h"

#define K(t, s)         { t, s, NULL, NULL, NULL }
#define KN(t, s, n)     { t, s, NULL, n, NULL }
#define KP(p, t, s)     { t, s, NULL, NULL, p }
#define KPN(p, t, s, n) { t, s, NULL, n, p }
#define END             { NULL, NULL, NULL, NULL, NULL }

/* Thái, Tai Viet script (blt-Tavt) -------------------------------------------------------- */

static const BansoKeyboardKey tai_viet_row1[] = {
  KP ("q", "\uAA96", "\uAA97"),   /* low / high tho */
  KP ("w", "\uAA90", "\uAA91"),   /* nyo */
  KP ("e", "\uAAB5", "\uAAB9"),   /* vowel e / uea (pre-base) */
  KPN ("r", "\uAABF", "\uAAC1", N_("Tone mark mai ek; with Shift, mai tho")),
  KP ("t", "\uAA94", "\uAA95"),   /* to */
  KP ("y", "\uAABC", "\uAABB"),   /* vowel ay / aue (pre-base) */
  KP ("u", "\uAAB4", "\uAAB3"),   /* vowel u / ue */
  KP ("i", "\uAAB2", "\uAAB8"),   /* vowel i / ia */
  KP ("o", "\uAAB6", "\uAABA"),   /* vowel o (pre-base) / ua */
  KP ("p", "\uAA9C", "\uAA9D"),   /* po */
  KP ("[", "\uAAB7", "\uAABE"),   /* mai khit / vowel am */
  KP ("]", "\uAABD", "\uAADD"),   /* vowel an / symbol sam */
  END
};

static const BansoKeyboardKey tai_viet_row2[] = {
  KP ("a", "\uAAB1", "\uAAB0"),   /* vowel aa / mai kang */
  KP ("s", "\uAA8E", "\uAA8F"),   /* so */
  KP ("d", "\uAA92", "\uAA93"),   /* do */
  KP ("f", "\uAAA0", "\uAAA1"),   /* fo */
  KP ("g", "\uAA88", "\uAA89"),   /* ngo */
  KP ("h", "\uAAAC", "\uAAAD"),   /* ho */
  KP ("j", "\uAAA4", "\uAAA5"),   /* yo */
  KP ("k", "\uAA80", "\uAA81"),   /* ko */
  KP ("l", "\uAAA8", "\uAAA9"),   /* lo */
  END
};

static const BansoKeyboardKey tai_viet_row3[] = {
  KP ("z", "\uAAAE", "\uAAAF"),   /* o (the letter) */
  KP ("x", "\uAA84", "\uAA85"),   /* khho */
  KP ("c", "\uAA8A", "\uAA8B"),   /* co */
  KP ("v", "\uAAAA", "\uAAAB"),   /* vo */
  KP ("b", "\uAA9A", "\uAA9B"),   /* bo */
  KP ("n", "\uAA98", "\uAA99"),   /* no */
  KP ("m", "\uAAA2", "\uAAA3"),   /* mo */
  END
};

static const BansoKeyboardKey tai_viet_row4[] = {
  K ("\uAA82", "\uAA83"),   /* kho */
  K ("\uAA86", "\uAA87"),   /* go */
  K ("\uAA8C", "\uAA8D"),   /* cho */
  K ("\uAA9E", "\uAA9F"),   /* pho */
  K ("\uAAA6", "\uAAA7"),   /* ro */
  KN ("\uAAC0", "\uAAC2", N_("Tone letter mai nueng; with Shift, mai song")),
  K ("\uAADB", "\uAADC"),   /* symbols kon / nueng */
  K ("\uAADE", "\uAADF"),   /* ho hoi / koi koi */
  END
};

static const BansoKeyboardLayout layout_tai_viet = {
  "blt-Tavt", N_("Thái (Tai Viet script)"), "\uAABC\uAA95\uAA92\uAABE", BANSO_KEYBOARD_SCRIPT_TAI_VIET,
  { tai_viet_row1, tai_viet_row2, tai_viet_row3, tai_viet_row4, NULL },
};

/* Latin letters and marks shared by the Vietnamese-based orthographies ------------------- */

/* Vietnamese tones, for the orthographies made on Vietnamese's (Thái Latin, Tày, Nùng,
 * Mường, Dao): a second tone typed on a letter takes the place of the first. */
static const BansoKeyboardKey viet_tones[] = {
  KN ("\u0300", NULL, N_("Grave accent (huyền)")),
  KN ("\u0301", NULL, N_("Acute accent (sắc)")),
  KN ("\u0309", NULL, N_("Hook above (hỏi)")),
  KN ("\u0303", NULL, N_("Tilde (ngã)")),
  KN ("\u0323", NULL, N_("Dot below (nặng)")),
  END
};

static const BansoKeyboardKey viet_letters[] = {
  K ("ă", "Ă"), K ("â", "Â"), K ("đ", "Đ"), K ("ê", "Ê"),
  K ("ô", "Ô"), K ("ơ", "Ơ"), K ("ư", "Ư"),
  END
};

/* The marks of the Central Highlands orthographies (Ê Đê, Ba Na, Gia Rai, Cơ Ho). */
static const BansoKeyboardKey highland_marks[] = {
  KN ("\u0306", NULL, N_("Breve (short vowel)")),
  KN ("\u0302", NULL, N_("Circumflex")),
  KN ("\u031B", NULL, N_("Horn")),
  KN ("\u030C", NULL, N_("Caron")),
  KN ("\u0303", NULL, N_("Tilde (ngã)")),
  END
};

/* Thái, Latin script (blt-Latn): the Vietnamese-based orthography of the Thái of Vietnam. */
static const BansoKeyboardLayout layout_thai_latin = {
  "blt-Latn", N_("Thái (Latin script)"), "Tay Đăm", BANSO_KEYBOARD_SCRIPT_LATIN,
  { viet_letters, viet_tones, NULL },
};

/* Chăm, Cham script (cjm-Cham) ---------------------------------------------------------- */

static const BansoKeyboardKey cham_vowels[] = {
  K ("\uAA00", "\uAA01"),   /* a / i */
  K ("\uAA02", "\uAA03"),   /* u / e */
  K ("\uAA04", "\uAA05"),   /* ai / o */
  K ("\uAA29", "\uAA2B"),   /* vowel signs aa / ii */
  K ("\uAA2A", "\uAA2C"),   /* i / ei */
  K ("\uAA2D", "\uAA32"),   /* u / ue */
  K ("\uAA2E", "\uAA2F"),   /* oe / o */
  K ("\uAA30", "\uAA31"),   /* ai / au */
  END
};

static const BansoKeyboardKey cham_consonants1[] = {
  K ("\uAA06", "\uAA07"),   /* ka / kha */
  K ("\uAA08", "\uAA09"),   /* ga / gha */
  K ("\uAA0B", "\uAA0A"),   /* nga / ngue */
  K ("\uAA0C", "\uAA0D"),   /* cha / chha */
  K ("\uAA0E", "\uAA0F"),   /* ja / jha */
  K ("\uAA11", "\uAA10"),   /* nha / nhue */
  K ("\uAA12", NULL),       /* nhja */
  K ("\uAA13", "\uAA14"),   /* ta / tha */
  K ("\uAA15", "\uAA16"),   /* da / dha */
  K ("\uAA18", "\uAA17"),   /* na / nue */
  K ("\uAA19", NULL),       /* dda */
  END
};

static const BansoKeyboardKey cham_consonants2[] = {
  K ("\uAA1A", "\uAA1C"),   /* pa / pha */
  K ("\uAA1B", NULL),       /* ppa */
  K ("\uAA1D", "\uAA1E"),   /* ba / bha */
  K ("\uAA20", "\uAA1F"),   /* ma / mue */
  K ("\uAA21", NULL),       /* bba */
  K ("\uAA22", NULL),       /* ya */
  K ("\uAA23", NULL),       /* ra */
  K ("\uAA24", NULL),       /* la */
  K ("\uAA25", NULL),       /* va */
  K ("\uAA27", "\uAA26"),   /* sa / ssa */
  K ("\uAA28", NULL),       /* ha */
  END
};

static const BansoKeyboardKey cham_signs[] = {
  K ("\uAA33", NULL),       /* medial ya */
  K ("\uAA34", NULL),       /* medial ra */
  K ("\uAA35", NULL),       /* medial la */
  K ("\uAA36", NULL),       /* medial wa */
  K ("\uAA40", "\uAA41"),   /* final k / g */
  K ("\uAA42", "\uAA43"),   /* final ng, letter / sign */
  K ("\uAA44", NULL),       /* final ch */
  K ("\uAA45", NULL),       /* final t */
  K ("\uAA46", NULL),       /* final n */
  K ("\uAA47", NULL),       /* final p */
  K ("\uAA48", NULL),       /* final y */
  K ("\uAA49", NULL),       /* final r */
  K ("\uAA4A", NULL),       /* final l */
  K ("\uAA4B", NULL),       /* final ss */
  K ("\uAA4C", NULL),       /* final m (sign) */
  K ("\uAA4D", NULL),       /* final h (sign) */
  END
};

static const BansoKeyboardKey cham_digits[] = {
  K ("\uAA51", NULL), K ("\uAA52", NULL), K ("\uAA53", NULL), K ("\uAA54", NULL),
  K ("\uAA55", NULL), K ("\uAA56", NULL), K ("\uAA57", NULL), K ("\uAA58", NULL),
  K ("\uAA59", NULL), K ("\uAA50", NULL),
  K ("\uAA5D", "\uAA5E"),   /* danda / double danda */
  K ("\uAA5F", "\uAA5C"),   /* triple danda / spiral */
  END
};

static const BansoKeyboardLayout layout_cham = {
  "cjm-Cham", N_("Chăm (Cham script)"), "\uAA0C\uAA4C", BANSO_KEYBOARD_SCRIPT_CHAM,
  { cham_vowels, cham_consonants1, cham_consonants2, cham_signs, cham_digits, NULL },
};

/* Central Highlands ------------------------------------------------------------------- */

static const BansoKeyboardKey ede_letters[] = {
  K ("ă", "Ă"), K ("â", "Â"), K ("ƀ", "Ƀ"), K ("č", "Č"), K ("đ", "Đ"),
  K ("ĕ", "Ĕ"), K ("ê", "Ê"), K ("ê\u0306", "Ê\u0306"), K ("ĭ", "Ĭ"), K ("ñ", "Ñ"),
  END
};

static const BansoKeyboardKey ede_letters2[] = {
  K ("ŏ", "Ŏ"), K ("ô", "Ô"), K ("ô\u0306", "Ô\u0306"), K ("ơ", "Ơ"),
  K ("ơ\u0306", "Ơ\u0306"), K ("ŭ", "Ŭ"), K ("ư", "Ư"), K ("ư\u0306", "Ư\u0306"),
  END
};

static const BansoKeyboardLayout layout_ede = {
  "rad", N_("Ê Đê"), "Êđê", BANSO_KEYBOARD_SCRIPT_LATIN,
  { ede_letters, ede_letters2, highland_marks, NULL },
};

static const BansoKeyboardKey bahnar_letters[] = {
  K ("ă", "Ă"), K ("â", "Â"), K ("ĕ", "Ĕ"), K ("ê", "Ê"), K ("ê\u0306", "Ê\u0306"),
  K ("ĭ", "Ĭ"), K ("ŏ", "Ŏ"), K ("ô", "Ô"), K ("ô\u0306", "Ô\u0306"),
  END
};

static const BansoKeyboardKey bahnar_letters2[] = {
  K ("ơ", "Ơ"), K ("ơ\u0306", "Ơ\u0306"), K ("ŭ", "Ŭ"), K ("ư", "Ư"),
  K ("ư\u0306", "Ư\u0306"), K ("đ", "Đ"),
  END
};

static const BansoKeyboardLayout layout_bahnar = {
  "bdq", N_("Ba Na"), "Bahnar", BANSO_KEYBOARD_SCRIPT_LATIN,
  { bahnar_letters, bahnar_letters2, highland_marks, NULL },
};

static const BansoKeyboardLayout layout_jarai = {
  "jra", N_("Gia Rai"), "Jrai", BANSO_KEYBOARD_SCRIPT_LATIN,
  { ede_letters, ede_letters2, highland_marks, NULL },
};

static const BansoKeyboardKey koho_letters[] = {
  K ("ă", "Ă"), K ("â", "Â"), K ("ĕ", "Ĕ"), K ("ê", "Ê"), K ("ĭ", "Ĭ"),
  K ("ŏ", "Ŏ"), K ("ô", "Ô"), K ("ơ", "Ơ"), K ("ơ\u0306", "Ơ\u0306"),
  END
};

static const BansoKeyboardKey koho_letters2[] = {
  K ("ŭ", "Ŭ"), K ("ư", "Ư"), K ("ñ", "Ñ"), K ("đ", "Đ"), K ("ƀ", "Ƀ"),
  END
};

static const BansoKeyboardLayout layout_koho = {
  "kpm", N_("Cơ Ho"), "Kơho", BANSO_KEYBOARD_SCRIPT_LATIN,
  { koho_letters, koho_letters2, highland_marks, NULL },
};

/* Mông, RPA (hnj): plain Latin letters; the tone is a letter at the end of the syllable and
 * nasal vowels are doubled letters, so the keys type those sequences. */

static const BansoKeyboardKey hmong_vowels[] = {
  K ("a", "A"), K ("e", "E"), K ("i", "I"), K ("o", "O"), K ("u", "U"), K ("w", "W"),
  K ("aa", "Aa"), K ("ee", "Ee"), K ("oo", "Oo"),
  K ("ai", "Ai"), K ("au", "Au"), K ("aw", "Aw"), K ("ia", "Ia"), K ("ua", "Ua"),
  END
};

static const BansoKeyboardKey hmong_tones[] = {
  KN ("b", NULL, N_("Tone -b (high)")),
  KN ("j", NULL, N_("Tone -j (high falling)")),
  KN ("v", NULL, N_("Tone -v (rising)")),
  KN ("s", NULL, N_("Tone -s (low)")),
  KN ("g", NULL, N_("Tone -g (breathy)")),
  KN ("m", NULL, N_("Tone -m (creaky)")),
  KN ("d", NULL, N_("Tone -d (low rising)")),
  END
};

static const BansoKeyboardKey hmong_consonants[] = {
  K ("ch", "Ch"), K ("dl", "Dl"), K ("hl", "Hl"), K ("hm", "Hm"), K ("hn", "Hn"),
  K ("kh", "Kh"), K ("ml", "Ml"), K ("nc", "Nc"), K ("nk", "Nk"), K ("np", "Np"),
  K ("nq", "Nq"), K ("nr", "Nr"), K ("nt", "Nt"), K ("ntx", "Ntx"), K ("ny", "Ny"),
  K ("ph", "Ph"), K ("pl", "Pl"), K ("qh", "Qh"), K ("rh", "Rh"), K ("th", "Th"),
  K ("ts", "Ts"), K ("tx", "Tx"), K ("txh", "Txh"), K ("xy", "Xy"),
  END
};

static const BansoKeyboardLayout layout_hmong = {
  "hnj", N_("Mông (RPA)"), "Hmoob", BANSO_KEYBOARD_SCRIPT_LATIN,
  { hmong_vowels, hmong_tones, hmong_consonants, NULL },
};

/* The Vietnamese-based orthographies of the north: Tày, Nùng, Mường, Dao. */

static const BansoKeyboardLayout layout_tay = {
  "tyz", N_("Tày"), "Tày", BANSO_KEYBOARD_SCRIPT_LATIN,
  { viet_letters, viet_tones, NULL },
};

static const BansoKeyboardLayout layout_nung = {
  "nut", N_("Nùng"), "Nùng", BANSO_KEYBOARD_SCRIPT_LATIN,
  { viet_letters, viet_tones, NULL },
};

static const BansoKeyboardKey muong_extra[] = {
  K ("w", "W"), K ("f", "F"), K ("j", "J"), K ("z", "Z"),
  END
};

static const BansoKeyboardLayout layout_muong = {
  "mtq", N_("Mường"), "Mol", BANSO_KEYBOARD_SCRIPT_LATIN,
  { viet_letters, viet_tones, muong_extra, NULL },
};

static const BansoKeyboardKey dao_extra[] = {
  K ("w", "W"), K ("f", "F"), K ("j", "J"), K ("z", "Z"),
  K ("mb", "Mb"), K ("nd", "Nd"), K ("nz", "Nz"), K ("nq", "Nq"),
  END
};

static const BansoKeyboardLayout layout_dao = {
  "ium", N_("Dao"), "Iu Mienh", BANSO_KEYBOARD_SCRIPT_LATIN,
  { viet_letters, viet_tones, dao_extra, NULL },
};

/* Khmer (km) ----------------------------------------------------------------------------- */

static const BansoKeyboardKey khmer_row1[] = {
  K ("\u1780", "\u1781"), K ("\u1782", "\u1783"), K ("\u1784", NULL),
  K ("\u1785", "\u1786"), K ("\u1787", "\u1788"), K ("\u1789", NULL),
  K ("\u178A", "\u178B"), K ("\u178C", "\u178D"), K ("\u178E", NULL),
  END
};

static const BansoKeyboardKey khmer_row2[] = {
  K ("\u178F", "\u1790"), K ("\u1791", "\u1792"), K ("\u1793", NULL),
  K ("\u1794", "\u1795"), K ("\u1796", "\u1797"), K ("\u1798", NULL),
  K ("\u1799", NULL), K ("\u179A", NULL), K ("\u179B", NULL), K ("\u179C", NULL),
  K ("\u179F", "\u179D"), K ("\u17A0", "\u179E"), K ("\u17A1", NULL), K ("\u17A2", NULL),
  END
};

static const BansoKeyboardKey khmer_vowels[] = {
  K ("\u17B6", "\u17C5"),   /* aa / au */
  K ("\u17B7", "\u17B8"),   /* i / ii */
  K ("\u17B9", "\u17BA"),   /* y / yy */
  K ("\u17BB", "\u17BC"),   /* u / uu */
  K ("\u17BD", "\u17BE"),   /* ua / oe */
  K ("\u17BF", "\u17C0"),   /* ya / ie */
  K ("\u17C1", "\u17C2"),   /* e / ae */
  K ("\u17C3", "\u17C4"),   /* ai / oo */
  END
};

static const BansoKeyboardKey khmer_signs[] = {
  K ("\u17C6", "\u17C7"),   /* nikahit / reahmuk */
  K ("\u17C9", "\u17CA"),   /* muusikatoan / triisap */
  K ("\u17CB", "\u17CC"),   /* bantoc / robat */
  KN ("\u17D2", NULL, N_("Coeng (the next consonant goes below)")),
  K ("\u17A5", "\u17A6"),   /* independent vowels i / ii */
  K ("\u17A7", "\u17AA"),   /* u / uuv */
  K ("\u17AB", "\u17AC"),   /* ry / ryy */
  K ("\u17AD", "\u17AE"),   /* ly / lyy */
  K ("\u17AF", "\u17B0"),   /* e / ai */
  K ("\u17B1", "\u17B3"),   /* oo / au */
  K ("\u17D4", "\u17D5"),   /* khan / bariyoosan */
  END
};

static const BansoKeyboardLayout layout_khmer = {
  "km", N_("Khmer"), "\u1781\u17D2\u1798\u17C2\u179A", BANSO_KEYBOARD_SCRIPT_KHMER,
  { khmer_row1, khmer_row2, khmer_vowels, khmer_signs, NULL },
};

/* In the order of the drop-down: the scripts first, then the Latin orthographies. */
const BansoKeyboardLayout *const _banso_keyboard_layouts[] = {
  &layout_tai_viet,
  &layout_thai_latin,
  &layout_cham,
  &layout_ede,
  &layout_bahnar,
  &layout_jarai,
  &layout_koho,
  &layout_hmong,
  &layout_tay,
  &layout_nung,
  &layout_muong,
  &layout_dao,
  &layout_khmer,
};

const guint _banso_keyboard_n_layouts = G_N_ELEMENTS (_banso_keyboard_layouts);

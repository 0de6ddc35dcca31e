#!/usr/bin/python3
# test-import.py: importing households from a CSV file in the Records
# section, driven through the accessibility tree and the keyboard.
#
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Opens Banso on an empty data directory and imports a file with a wrong
# citizen ID: the report names the line and the column, and nothing is
# imported. Then the corrected file: the households are in the list, and a
# search finds them. Every file is taken as large, so the import has the
# database to itself while the list waits. Leaves a screenshot of each stage.
#
# Run by run-ui-test.sh (Xvfb, a D-Bus session, the accessibility bus):
#   test-import.py --banso BANSO --data-dir DIR --screenshots DIR

import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from bansoui import (Atspi, RecordsPage, UIError, actions_of, do_action, find_all, has_state,  # noqa: E402
                     key, label_texts, log, role, run, screenshot, set_text, toast)

HEADER = ('household,commune_code,commune_name,village,address,member_name,sex,birth,ethnic,'
          'relation,citizen_id,phone,poverty_year,poverty_status,notes,member_id,poverty_history')
ROWS = [
    'ad42fecfa95a4c8188024fed66031069,03694,Xã Mường Giôn,Bản Púng Tông,,Bạc Thị Ban,female,'
    '1993-07-22,Thái,head,014193851774,,2024,not-poor,,1e10530873a4,2024:not-poor',
    'ad42fecfa95a4c8188024fed66031069,03694,Xã Mường Giôn,Bản Púng Tông,,Bạc Văn Xuân,male,'
    '1996,Thái,spouse,014096123614,,2024,not-poor,,ea26d82bcaba,2024:not-poor',
    '6943a21f4caf48bab541b364459f9e02,03724,Xã Bình Thuận,Bản Kéo Sẳng,,Lò Văn Pơm,male,'
    '1956,Thái,head,014056393791,0875359515,2025,poor,,20998e5654a6,2024:poor;2025:poor',
    '6943a21f4caf48bab541b364459f9e02,03724,Xã Bình Thuận,Bản Kéo Sẳng,,Bạc Thị Sinh,female,'
    '1988-10-04,Thái,child,014188881964,,2025,poor,,4ddb3f8affbf,2024:poor;2025:poor',
    '5f0c7d8e1b2a4c3d9e8f7a6b5c4d3e2f,03694,Xã Mường Giôn,Bản Púng Tông,,Giàng A Páo,male,'
    '1970,Mông,head,,,2025,near-poor,,7a1b2c3d4e5f,2025:near-poor',
]
BAD_LINE = 5          # the fifth line of the file (after the header): Bạc Thị Sinh
BAD_ID = '01418888196'


def write_csv(path, rows):
    with open(path, 'w', encoding='utf-8') as f:
        f.write('\ufeff' + HEADER + '\r\n' + ''.join(r + '\r\n' for r in rows))


def prepare(data_dir):
    files = os.path.join(os.path.dirname(os.path.abspath(data_dir)), 'files')
    os.makedirs(files, exist_ok=True)
    write_csv(os.path.join(files, 'households.csv'), ROWS)
    bad = list(ROWS)
    bad[BAD_LINE - 2] = bad[BAD_LINE - 2].replace('014188881964', BAD_ID)
    write_csv(os.path.join(files, 'households-wrong.csv'), bad)
    # Every file counts as large: the bulk path, with the database to itself.
    os.environ['BANSO_IMPORT_BULK_BYTES'] = '0'


def import_file(app, main, path):
    menu = app.wait_find(main, None, 'Import and Export', what='the Import and Export menu',
                         pred=lambda a: 'click' in actions_of(a))
    do_action(menu)
    do_action(app.wait_find(main, 'menu item', 'Import from CSV…',
                            what='the menu item "Import from CSV…"'))
    chooser = app.window('Import Households')
    # Typing a path opens the file chooser's location entry.
    key('slash')
    location = app.wait(lambda: next(iter(find_all(
        chooser, pred=lambda a: role(a) in ('entry', 'text') and
        has_state(a, Atspi.StateType.FOCUSED))), None),
        'the location entry of the file chooser, focused')
    set_text(location, path)
    key('Return')
    app.wait_gone(lambda: app.find_window('Import Households'), 'the file chooser to close')


def step_wrong_file(app, main, households, files, shots):
    log('1. a file with a wrong citizen ID is refused with its line and column')
    import_file(app, main, os.path.join(files, 'households-wrong.csv'))
    report = app.window('Import Problems')
    texts = app.wait(lambda: label_texts(report) if any('12 digits' in t for t in label_texts(report))
                     else None, 'the report to name the wrong citizen ID')
    joined = ' | '.join(texts)
    if ('households-wrong.csv Was Not Imported' not in joined or
            'Line %d, column “citizen_id”' % BAD_LINE not in joined):
        raise UIError('the report does not name the file, line %d and the citizen ID column: %s'
                      % (BAD_LINE, joined))
    log('report: %s' % joined)
    screenshot(os.path.join(shots, 'import-report.png'))
    key('Escape')
    app.wait_gone(lambda: app.find_window('Import Problems'), 'the report to close')
    if households.count() != 0:
        raise UIError('a refused file left %d households' % households.count())


def step_import(app, main, households, files, shots):
    log('2. the corrected file is imported')
    import_file(app, main, os.path.join(files, 'households.csv'))
    app.wait(lambda: toast(main, 'Imported 3 households from households.csv'),
             'the toast "Imported 3 households from households.csv"', timeout=60)
    app.wait(lambda: households.count() == 3 and len(households.rows()) == 3,
             'the three imported households in the list')
    screenshot(os.path.join(shots, 'import-done.png'))

    log('3. an imported household is found by a folded search')
    set_text(households.search_entry(), 'giang a pao')
    app.wait(lambda: households.count() == 1, 'one household found for "giang a pao"')
    rows = households.rows()
    if not any('Giàng A Páo' in cells for cells in rows):
        raise UIError('the search did not show Giàng A Páo: %s' % rows)
    screenshot(os.path.join(shots, 'import-search.png'))


def steps(app, data_dir, shots):
    files = os.path.join(os.path.dirname(os.path.abspath(data_dir)), 'files')
    main = app.window('Banso', timeout=60)
    households = RecordsPage(app, main, 'Add Household', 'household')
    app.wait(lambda: households.count() == 0, 'the empty list', timeout=60)
    step_wrong_file(app, main, households, files, shots)
    step_import(app, main, households, files, shots)
    app.quit()


if __name__ == '__main__':
    sys.exit(run('import', steps, prepare))

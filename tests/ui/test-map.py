#!/usr/bin/python3
# test-map.py: the Map section on the demo district, driven from outside
# through the accessibility tree, the mouse and the keyboard.
#
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Before the app starts, banso-cli fills the data directory with the demo
# district (BANSO_CLI) and the test writes a warning area as GeoJSON. Then:
# opens the Map section and waits for the choropleth's legend; clicks a
# commune on the map and sees its side panel; finds "Chiềng An" typed without
# diacritics and flies there; opens its households (the Households section
# filtered to the commune) and comes back; imports the warning and sees the
# communes and villages it touches, and the list of saved warnings; saves
# screenshots of both; quits.
#
# Run by run-ui-test.sh (Xvfb, a D-Bus session, the accessibility bus):
#   test-map.py --banso BANSO --data-dir DIR --screenshots DIR

import json
import os
import re
import subprocess
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from bansoui import (Atspi, RecordsPage, UIError, children, choose_section, click,  # noqa: E402
                     do_action, find, find_all, has_state, key, label_texts, log, name,
                     role, run, screenshot, set_text, text)

WARNING_TITLE = 'Lũ quét suối Nậm La'
COMMUNE = 'Chiềng An'
COMMUNE_SEARCH = 'chieng an'


def files_dir(data_dir):
    return os.path.join(os.path.dirname(os.path.abspath(data_dir)), 'files')


def prepare(data_dir):
    cli = os.environ.get('BANSO_CLI')
    if not cli:
        raise UIError('BANSO_CLI is not set: the test needs banso-cli to make the demo')
    subprocess.run([cli, '--data-dir', data_dir, 'demo', '--households', '3000'],
                   check=True, timeout=120, stdout=subprocess.DEVNULL)
    os.makedirs(files_dir(data_dir), exist_ok=True)
    # A flash flood along the Nậm La stream, around Sơn La city: across
    # Chiềng An, Tô Hiệu and Chiềng Cơi.
    ring = [[103.86, 21.30], [103.95, 21.30], [103.95, 21.37], [103.86, 21.37], [103.86, 21.30]]
    area = {'type': 'FeatureCollection', 'features': [{
        'type': 'Feature',
        'properties': {'name': WARNING_TITLE, 'level': 3},
        'geometry': {'type': 'Polygon', 'coordinates': [ring]},
    }]}
    with open(os.path.join(files_dir(data_dir), 'flood.geojson'), 'w', encoding='utf-8') as f:
        json.dump(area, f, ensure_ascii=False)


def map_page(app, main):
    m = app.wait_find(main, None, 'Map', pred=lambda a: role(a) != 'list item' and
                      name(a) == 'Map' and role(a) not in ('label', 'push button'),
                      what='the map widget')
    return m


def labels(acc):
    return [t for t in label_texts(acc) if t]


def commune_panel(main):
    return find(main, None, 'Commune', pred=lambda a: name(a) == 'Commune' and
                role(a) not in ('label', 'push button', 'list item', 'combo box'))


def panel_title(main):
    panel = commune_panel(main)
    texts = labels(panel) if panel is not None else []
    return texts[0] if texts else None


def figures(main):
    fl = find(main, None, 'Figures of the commune')
    return [name(r) for r in children(fl)] if fl is not None else []


def import_file(app, main, path):
    do_action(app.wait_find(main, 'push button', 'Import Warning…'))
    chooser = app.window('Import a Warning Area')
    key('slash')
    location = app.wait(lambda: next(iter(find_all(
        chooser, pred=lambda a: role(a) in ('entry', 'text') and
        has_state(a, Atspi.StateType.FOCUSED))), None),
        'the location entry of the file chooser, focused')
    set_text(location, path)
    key('Return')
    app.wait(lambda: app.find_window('Import a Warning Area') is None, 'the file chooser to close')


def steps(app, data_dir, shots):
    log('1. the window opens on the demo district; the Map section')
    # The demo's administrator, with the password the demo shows.
    app.log_in(login='quantri', password='demo')
    main = app.window('Banso', timeout=60)
    households = RecordsPage(app, main, 'Add Household', 'household')
    app.wait(lambda: (households.count() or 0) > 0, 'the demo households', timeout=60)
    choose_section(app, main, 'Map')
    legend = app.wait_find(main, None, 'Legend', pred=lambda a: name(a) == 'Legend' and
                           role(a) != 'label', what='the legend')
    app.wait(lambda: any('%' in t for t in labels(legend)) and
             any('by commune' in t for t in labels(legend)),
             'the legend to say what the colours show and their classes', timeout=60)
    log('legend: %s' % ' | '.join(labels(legend)))
    classes = [t for t in labels(legend) if re.match(r'^\d+(\.\d+)?\s?% – \d+(\.\d+)?\s?%$', t)]
    if len(classes) < 2:
        raise UIError('the legend lists no class breaks: %s' % labels(legend))

    log('2. a click on the map selects the commune under the pointer')
    the_map = map_page(app, main)
    app.wait(lambda: 'Drawing' not in ' '.join(label_texts(main)),
             'the demo base map to be drawn', timeout=90)
    click(the_map)
    app.wait(lambda: panel_title(main), 'the side panel of the commune clicked')
    log('clicked: %s' % panel_title(main))

    log('3. the search finds "%s" without diacritics and flies there' % COMMUNE)
    search = app.wait_find(main, 'entry', 'Find a place')
    click(search)
    set_text(search, COMMUNE_SEARCH)
    results = app.wait_find(main, 'list', 'Places found')
    app.wait(lambda: COMMUNE in ' '.join(labels(results)), 'the search to list "%s"' % COMMUNE)
    app.focus_window('Banso')
    click(search)
    key('Return')
    app.wait(lambda: panel_title(main) == COMMUNE, 'the side panel of %s' % COMMUNE)
    app.wait(lambda: any(f.startswith('Households: ') and f != 'Households: 0'
                         for f in figures(main)), 'the figures of %s' % COMMUNE, timeout=30)
    log('figures: %s' % figures(main))
    # The view settles (the fly-to animation) before the screenshot.
    time.sleep(1.5)
    screenshot(os.path.join(shots, 'map-commune.png'))

    log('4. "Show Its Households" opens the Households section filtered to it')
    do_action(app.wait_find(main, 'push button', 'Show Its Households'))
    app.wait(lambda: households.count() is not None and households.count() > 0 and
             app.dropdown_value(app.wait_find(households.page, 'combo box', 'Commune')) and
             COMMUNE in app.dropdown_value(app.wait_find(households.page, 'combo box', 'Commune')),
             'the households of %s' % COMMUNE, timeout=30)
    log('households of %s: %d' % (COMMUNE, households.count()))
    choose_section(app, main, 'Map')

    log('5. a warning area imported from GeoJSON, with its list')
    import_file(app, main, os.path.join(files_dir(data_dir), 'flood.geojson'))
    panel = app.wait_find(main, None, 'Warning', pred=lambda a: name(a) == 'Warning' and
                          role(a) not in ('label', 'push button', 'combo box'),
                          what='the warning panel')
    app.wait(lambda: WARNING_TITLE in labels(panel), 'the warning "%s"' % WARNING_TITLE, timeout=30)
    affected = app.wait_find(panel, 'list', 'Affected places')
    app.wait(lambda: any(name(r).startswith(COMMUNE + ':') for r in children(affected)),
             'the list to name %s' % COMMUNE)
    rows = [name(r) for r in children(affected)]
    log('affected: %s' % rows)
    if not any('households' in r for r in rows):
        raise UIError('the list does not count households: %s' % rows)
    summary = ' '.join(labels(panel))
    if 'Level 3 of 5' not in summary:
        raise UIError('the warning does not say its level: %s' % summary)
    time.sleep(1.5)
    screenshot(os.path.join(shots, 'map-warning.png'))

    log('6. the saved warnings')
    do_action(app.wait_find(main, 'push button', 'Warnings'))
    saved = app.wait_find(main, 'list', 'Saved warnings')
    app.wait(lambda: any(WARNING_TITLE in name(r) or WARNING_TITLE in ' '.join(labels(r))
                         for r in children(saved)), 'the saved warning in the list')
    screenshot(os.path.join(shots, 'map-warnings.png'))

    log('7. the view exported as PNG, with its title and legend')
    out = os.path.join(files_dir(data_dir), 'view.png')
    do_action(app.wait_find(main, 'push button', 'Export as PNG'))
    chooser = app.window('Export the Map as PNG')
    name_entry = app.wait(lambda: next(iter(find_all(
        chooser, pred=lambda a: role(a) in ('entry', 'text') and
        has_state(a, Atspi.StateType.FOCUSED))), None), 'the name entry of the file chooser')
    set_text(name_entry, out)
    app.focus_window('Export the Map as PNG')
    key('Return')
    app.wait(lambda: os.path.exists(out) and os.path.getsize(out) > 10000, 'the PNG to be written')
    with open(out, 'rb') as f:
        if f.read(8) != b'\x89PNG\r\n\x1a\n':
            raise UIError('%s is not a PNG' % out)
    subprocess.run(['cp', out, os.path.join(shots, 'map-export.png')], check=True)
    app.quit()


if __name__ == '__main__':
    # The demo base map is drawn on the first start: more time than the
    # other window tests need.
    os.environ.setdefault('BANSO_UI_TOTAL_TIMEOUT', '420')
    sys.exit(run('map', steps, prepare, log_in=False))

#!/usr/bin/python3
# test-sync.py: the Sync section and the sync indicator of the header bar,
# driven from outside through the accessibility tree.
#
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Before the app starts, make-conflict (BANSO_MAKE_CONFLICT) puts a household
# with two conflicting versions in the new database, as replication from two
# offices would. Then: the indicator says sync is not set up; the Sync section
# refuses an http:// address to another machine with a login, next to the
# field; saves an address of this machine where nothing listens; Sync Now
# fails and the indicator, the status and the log say so in plain words; the
# conflict dialog shows both versions, the other version's members are chosen
# and kept; the conflict leaves the list and the household list shows the
# name chosen. Leaves screenshots of the Sync section and of the dialog.
#
# Run by run-ui-test.sh (Xvfb, a D-Bus session, the accessibility bus):
#   test-sync.py --banso BANSO --data-dir DIR --screenshots DIR

import os
import sqlite3
import subprocess
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from bansoui import (Atspi, RecordsPage, UIError, WaitTimeout, children,  # noqa: E402
                     choose_section, click, description, do_action, entry, find, has_state,
                     label_texts, log, marked_invalid, matches, name, role, run, screenshot,
                     sensitive, set_text, toast)

REMOTE_HTTP = 'http://sync.example.org:5984'
LOCAL_DEAD = 'http://127.0.0.1:9/'   # the discard port: nothing listens there

# Filled in by prepare(): the household's id and the head of each version.
CONFLICT = {}


def prepare(data_dir):
    tool = os.environ.get('BANSO_MAKE_CONFLICT')
    if not tool:
        raise UIError('BANSO_MAKE_CONFLICT is not set (meson sets it to make-conflict)')
    out = subprocess.run([tool, data_dir], capture_output=True, text=True, timeout=60)
    if out.returncode != 0:
        raise UIError('make-conflict failed: %s%s' % (out.stdout, out.stderr))
    CONFLICT['id'], CONFLICT['winner'], CONFLICT['other'] = out.stdout.split('\n')[:3]
    log('a household with two versions: "%s" (current) and "%s"'
        % (CONFLICT['winner'], CONFLICT['other']))


def indicator(app, window):
    return app.wait_find(window, 'push button', 'Sync status', what='the sync indicator')


def indicator_text(app, window):
    return ' '.join(t for t in label_texts(indicator(app, window)) if t)


def sync_list(app, window, label):
    """A list of the Sync section: "Status", "Server", "Conflicts", "Sync Log"."""
    return app.wait_find(window, 'list', label, what='the list "%s" of the Sync section' % label)


def items(lst):
    return [c for c in children(lst) if role(c) == 'list item']


def step_indicator(app, main, shots):
    log('1. the indicator says sync is not set up')
    households = RecordsPage(app, main, 'Add Household', 'household')
    households.wait_rows([CONFLICT['winner']], 'the household of make-conflict in the list')
    try:
        app.wait(lambda: 'Sync not set up' in indicator_text(app, main),
                 'the indicator to say "Sync not set up"')
    except WaitTimeout as e:
        raise UIError('%s; it reads "%s"' % (e, indicator_text(app, main))) from None
    do_action(indicator(app, main))
    sections = app.wait_find(main, 'list', 'Sections')
    sync_item = [i for i in items(sections) if name(i) == 'Sync'][0]
    app.wait(lambda: has_state(sync_item, Atspi.StateType.SELECTED),
             'the indicator to open the Sync section')
    status = sync_list(app, main, 'Status')
    app.wait(lambda: any('Sync not set up' in name(i) for i in items(status)),
             'the status "Sync not set up" in the Sync section')
    now = app.wait_find(main, 'push button', 'Sync Now')
    if sensitive(now):
        raise UIError('Sync Now can be pressed before a server is set up')
    screenshot(os.path.join(shots, 'sync-empty.png'))
    return households


def step_refuse_http(app, main, shots):
    log('2. an http:// address to another machine is refused, even without a login: the '
        'records would cross the network unencrypted')
    server = entry(app, main, 'Server address')
    set_text(server, REMOTE_HTTP)
    set_text(entry(app, main, 'Login'), '')
    do_action(app.wait_find(main, 'push button', 'Save'))
    try:
        app.wait(lambda: any('https://' in t and 'unencrypted' in t for t in label_texts(main)),
                 'a message under the address: it must be https://')
    except WaitTimeout as e:
        raise UIError('%s; the section reads %s' % (e, [t for t in label_texts(main) if t]))
    if 'unencrypted' not in description(server):
        raise UIError('a screen reader is not told what is wrong with the address: its '
                      'description is "%s"' % description(server))
    if not marked_invalid(server):
        raise UIError('the refused address is not marked invalid for screen readers')
    if not any('Nothing was saved' in t for t in label_texts(main)):
        raise UIError('the section does not say that nothing was saved')
    if 'Sync not set up' not in indicator_text(app, main):
        raise UIError('the refused settings were used: the indicator reads "%s"'
                      % indicator_text(app, main))
    screenshot(os.path.join(shots, 'sync-refused.png'))


def saved_setting(data_dir, key):
    db = sqlite3.connect('file:%s?mode=ro' % os.path.join(data_dir, 'banso.db'), uri=True)
    try:
        row = db.execute('SELECT value FROM meta WHERE key = ?', (key,)).fetchone()
    finally:
        db.close()
    return row[0] if row else None


def step_save_local(app, main, data_dir, shots):
    log('3. an address of this machine, without a login, is saved, with media allowed on '
        'metered connections')
    server = entry(app, main, 'Server address')
    set_text(server, LOCAL_DEAD)
    set_text(entry(app, main, 'Login'), '')
    app.wait(lambda: not any('unencrypted' in t for t in label_texts(main)),
             'the message under the address to go once it is edited')
    media = app.wait_find(main, None, pred=lambda a: role(a) in ('check box', 'toggle button', 'switch') and
                          'Media Files on Metered Connections' in name(a),
                          what='the switch "Media Files on Metered Connections"')
    if has_state(media, Atspi.StateType.CHECKED):
        raise UIError('media on metered connections is allowed before anyone chose it')
    do_action(media, ('click', 'activate', 'toggle'))
    app.wait(lambda: has_state(media, Atspi.StateType.CHECKED), 'the media switch to turn on')
    do_action(app.wait_find(main, 'push button', 'Save'))
    app.wait(lambda: any(t.startswith('Saved.') for t in label_texts(main)),
             'the section to say the settings were saved')
    app.wait(lambda: saved_setting(data_dir, 'sync_media_metered') == '1',
             'the choice about media on metered connections to be saved')
    if marked_invalid(server):
        raise UIError('the saved address is still marked invalid')
    app.wait(lambda: 'Sync not set up' not in indicator_text(app, main),
             'the indicator to leave "Sync not set up"')


def step_sync_now(app, main, shots):
    log('4. Sync Now, with nothing listening: a failure in plain words')
    now = app.wait_find(main, 'push button', 'Sync Now')
    # Saving starts a run at once; Sync Now waits for it to end.
    app.wait(lambda: sensitive(now), 'Sync Now to become sensitive')
    do_action(now)
    try:
        app.wait(lambda: 'Failed: server not reachable' in indicator_text(app, main),
                 'the indicator to say "Failed: server not reachable"')
    except WaitTimeout as e:
        raise UIError('%s; it reads "%s"' % (e, indicator_text(app, main))) from None
    tip = description(indicator(app, main))
    if '127.0.0.1' not in tip:
        raise UIError('the indicator\'s description has no full error message: "%s"' % tip)
    status = sync_list(app, main, 'Status')
    app.wait(lambda: any('server not reachable' in name(i) for i in items(status)),
             'the status row to say the server is not reachable')
    runs = sync_list(app, main, 'Sync Log')
    try:
        app.wait(lambda: items(runs) and LOCAL_DEAD.rstrip('/') in name(items(runs)[0]) and
                 'Sent 0, received 0' in name(items(runs)[0]),
                 'the failed run at the top of the log')
    except WaitTimeout as e:
        raise UIError('%s; the log reads %s' % (e, [name(i) for i in items(runs)])) from None
    if 'OK' in name(items(runs)[0]).split(' · ')[-1]:
        raise UIError('the failed run reads as OK: %s' % name(items(runs)[0]))
    screenshot(os.path.join(shots, 'sync-failed.png'))


def step_conflict(app, main, households, shots):
    log('5. the conflict: compare, choose the other version\'s members, keep')
    conflicts = sync_list(app, main, 'Conflicts')
    try:
        row = app.wait(lambda: items(conflicts) and items(conflicts)[0],
                       'the household in the list of conflicts')
    except WaitTimeout as e:
        raise UIError('%s; the section reads %s' % (e, label_texts(conflicts))) from None
    want = '%s, Household, 2 versions' % CONFLICT['winner']
    if not matches(name(row), want):
        raise UIError('the conflict reads "%s"; expected "%s"' % (name(row), want))

    do_action(app.wait_find(row, 'push button', 'Compare the versions of ' + CONFLICT['winner']))
    dialog = app.window('Conflicting Versions')
    app.wait(lambda: 'Version 1 (current)' in label_texts(dialog) and
             'Version 2' in label_texts(dialog),
             'the dialog to show "Version 1 (current)" and "Version 2"')
    keep_members = app.wait_find(dialog, 'radio button', 'Members: Version 2')
    for label in ('Members: Version 1 (current)', 'Address: Version 1 (current)',
                  'Address: Version 2'):
        app.wait_find(dialog, 'radio button', label)
    if find(dialog, 'radio button', pred=lambda a: name(a).startswith('Commune:')):
        raise UIError('the commune, the same in both versions, offers a choice')
    if CONFLICT['other'] not in description(keep_members):
        raise UIError('Version 2 of the members does not read "%s": "%s"'
                      % (CONFLICT['other'], description(keep_members)))
    click(keep_members)
    app.wait(lambda: has_state(keep_members, Atspi.StateType.CHECKED),
             'the members of Version 2 to be chosen')
    time.sleep(0.3)   # the highlight of the chosen cell, for the screenshot
    screenshot(os.path.join(shots, 'conflict-dialog.png'))

    do_action(app.wait_find(dialog, 'push button', 'Keep Chosen Values'))
    kept = 'Kept the chosen values for ' + CONFLICT['winner']
    app.wait_all({'the dialog to close': lambda: app.find_window('Conflicting Versions') is None,
                  'the toast "%s"' % kept: lambda: toast(main, kept)})
    app.wait(lambda: not items(conflicts) and 'No conflicting versions' in label_texts(conflicts),
             'the list of conflicts to empty')

    choose_section(app, main, 'Households')
    rows = households.wait_rows([CONFLICT['other']], 'the household list to show "%s"'
                                % CONFLICT['other'])
    if rows[0][-1] != '2':
        raise UIError('the kept household reads %s; expected the 2 members of version 2'
                      % rows[0])
    if 'Sync not set up' in indicator_text(app, main):
        raise UIError('the indicator lost the settings: "%s"' % indicator_text(app, main))


def steps(app, data_dir, shots):
    main = app.window('Banso', timeout=60)
    households = step_indicator(app, main, shots)
    step_refuse_http(app, main, shots)
    step_save_local(app, main, data_dir, shots)
    step_sync_now(app, main, shots)
    step_conflict(app, main, households, shots)
    log('6. close the window')
    app.quit()


if __name__ == '__main__':
    sys.exit(run('test-sync', steps, prepare))

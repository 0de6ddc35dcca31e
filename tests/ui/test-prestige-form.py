#!/usr/bin/python3
# test-prestige-form.py: the form of a prestigious person keeps what was
# typed: it asks before throwing typing away, keeps a draft while typing,
# and lets Save through only when every field is right.
#
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Opens Banso on an empty data directory; goes to Prestigious Persons and
# opens a new form; types a name and sees Save refused for the missing
# commune and for a wrong phone number, each named; sees the draft kept in
# the database; presses Escape and keeps editing; stops the app as a power
# cut would and starts it again, to find the form back with what was typed;
# closes the window with its close button and discards; sees the draft gone.
# Leaves screenshots of the form and of the question in the screenshot
# directory.
#
# Run by run-ui-test.sh (Xvfb, a D-Bus session, the accessibility bus):
#   test-prestige-form.py --banso BANSO --data-dir DIR --screenshots DIR

import os
import sqlite3
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from bansoui import (COMPLAINTS, App, RecordsPage, UIError, choose_section, combo,  # noqa: E402
                     description, do_action, entry, key, label_texts, log, name, run,
                     screenshot, sensitive, set_text, text)

PERSON = 'Lò Văn Thanh'
COMMUNE = 'Phường Chiềng An'
WRONG_PHONE = '12345'
FORM = 'New Prestigious Person'


def drafts(data_dir):
    """The drafts the app keeps, as (kind, body) pairs, read beside the app."""
    db = sqlite3.connect('file:%s?mode=ro' % os.path.join(data_dir, 'banso.db'), uri=True,
                         timeout=5)
    try:
        return db.execute('SELECT kind, body FROM drafts').fetchall()
    finally:
        db.close()


def question(app):
    """The window asking whether to discard, or None."""
    for w in app.windows():
        if 'Discard Changes?' in label_texts(w):
            return w
    return None


def answer(app, label):
    dialog = app.wait(lambda: question(app), 'the question "Discard Changes?"')
    do_action(app.wait_find(dialog, 'push button', label))
    app.wait(lambda: question(app) is None, 'the question to close after "%s"' % label)


def save_refused(app, form, save, field):
    """Save is off, and says which field is wrong."""
    app.wait(lambda: not sensitive(save) and description(save).startswith(field + ':'),
             'Save to be off, naming the field "%s"' % field)
    app.focus_window(FORM)
    key('ctrl+s')
    app.wait(lambda: any(t.startswith('Not saved: %s:' % field) for t in label_texts(form)),
             'Ctrl+S to be refused with "Not saved: %s: …"' % field)
    if app.find_window(FORM) is None:
        raise UIError('the form closed on a refused save')


def steps(app, data_dir, shots):
    log('1. the Prestigious Persons section, New')
    main = app.window('Banso', timeout=60)
    households = RecordsPage(app, main, 'Add Household', 'household')
    app.wait(lambda: households.count() == 0, 'the empty list of households', timeout=60)
    choose_section(app, main, 'Prestigious Persons')
    prestige = RecordsPage(app, main, 'Add Person', 'person')
    app.wait(lambda: prestige.count() == 0, 'the empty list of prestigious persons')
    do_action(prestige.add_button)
    form = app.window(FORM)
    save = app.wait_find(form, 'push button', 'Save')
    app.wait(lambda: not sensitive(save), 'Save to be off in an empty form')

    log('2. a name without a commune: Save refused, naming the commune')
    name_entry = entry(app, form, 'Full name')
    set_text(name_entry, PERSON)
    save_refused(app, form, save, 'Commune')

    log('3. a wrong phone number: Save refused, naming the phone')
    app.choose(FORM, combo(app, form, 'Commune'), COMMUNE)
    phone = entry(app, form, 'Phone')
    set_text(phone, WRONG_PHONE)
    save_refused(app, form, save, 'Phone')
    screenshot(os.path.join(shots, 'prestige-form-refused.png'))
    set_text(phone, '')
    app.wait(lambda: sensitive(save), 'Save to be on once the phone is empty again')

    log('4. the draft is kept while typing')
    app.wait(lambda: [k for k, body in drafts(data_dir)] == ['prestige'] and
             PERSON in drafts(data_dir)[0][1],
             'one draft of the form, with the name typed, in the database')

    log('5. Escape asks; Keep editing keeps the typing')
    app.focus_window(FORM)
    key('Escape')
    app.wait(lambda: question(app), 'Escape to ask "Discard Changes?"')
    screenshot(os.path.join(shots, 'prestige-discard-question.png'))
    answer(app, 'Keep Editing')
    if app.find_window(FORM) is None:
        raise UIError('"Keep Editing" closed the form')
    if text(name_entry) != PERSON:
        raise UIError('the name reads "%s" after "Keep Editing"; expected "%s"'
                      % (text(name_entry), PERSON))
    if not drafts(data_dir):
        raise UIError('"Keep Editing" dropped the draft')

    log('6. a power cut: the app stops at once; started again, the form comes back')
    app.proc.kill()
    app.proc.wait()
    first = app
    app = App(first.binary, data_dir, os.path.join(shots, 'test-prestige-form-2.log'))
    try:
        app.start()
        steps_after_restart(app, data_dir, shots)
    finally:
        app.kill()
    complaints = [line for line in app.output().splitlines()
                  if any(mark in line for mark in COMPLAINTS)]
    if complaints:
        raise UIError('the app started again complained:\n' + '\n'.join(complaints))


def steps_after_restart(app, data_dir, shots):
    main = app.window('Banso', timeout=60)
    form = app.window(FORM, timeout=60)
    name_entry = entry(app, form, 'Full name')
    app.wait(lambda: text(name_entry) == PERSON,
             'the reopened form to hold the name typed, "%s"' % PERSON)
    choose_section(app, main, 'Prestigious Persons')
    prestige = RecordsPage(app, main, 'Add Person', 'person')

    log('7. the close button asks too; Discard closes and drops the draft')
    close = app.wait_find(form, 'push button', 'Close',
                          pred=lambda a: name(a) == 'Close', what='the close button of the form')
    do_action(close)
    app.wait(lambda: question(app), 'the close button to ask "Discard Changes?"')
    if app.find_window(FORM) is None:
        raise UIError('the form closed before the question was answered')
    answer(app, 'Discard')
    app.wait(lambda: app.find_window(FORM) is None, 'Discard to close the form')
    app.wait(lambda: drafts(data_dir) == [], 'the draft to leave the database')
    if prestige.count() != 0:
        raise UIError('a discarded form saved a person: the list counts %s' % prestige.count())

    log('8. an untouched form closes at once')
    do_action(prestige.add_button)
    form = app.window(FORM)
    app.focus_window(FORM)
    key('Escape')
    app.wait(lambda: app.find_window(FORM) is None, 'Escape to close an untouched form at once')
    if question(app) is not None:
        raise UIError('an untouched form asked before closing')

    log('9. close the window')
    app.quit()
    if drafts(data_dir):
        raise UIError('drafts are left in the database: %s' % drafts(data_dir))


if __name__ == '__main__':
    sys.exit(run('test-prestige-form', steps))

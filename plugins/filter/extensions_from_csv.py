# -*- coding: utf-8 -*-
# Copyright: telephony.pbx contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
"""extensions_from_csv: spreadsheet rows to the extensions list of telephony.pbx.yeastar_config.

Every cell is checked with the extension resource spec the modules use, so the rules are the modules' rules, and
every problem is reported with its CSV line before anything reaches a PBX. Documentation: extensions_from_csv.yml."""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

import csv
import io

from ansible.errors import AnsibleFilterError
from ansible.module_utils.common.text.converters import to_text

from ansible_collections.telephony.pbx.plugins.module_utils.spec import InputError, repeated
from ansible_collections.telephony.pbx.plugins.module_utils.yeastar_resources import EXTENSION

TRUE_WORDS = ("true", "yes", "on", "1")
FALSE_WORDS = ("false", "no", "off", "0")
SECRETS = ("user_password", "reg_password", "vm_pin")
# Values that must be unique on a PBX: two rows with the same one cannot both be right.
UNIQUE = ("number", "email_addr", "reg_name")
MAX_ERRORS = 20


def _column_fields():
    """Option name -> Field for every option a cell can hold (lists of dicts have no cell form)."""
    return dict((field.name, field) for field in EXTENSION.fields
                if not (field.type == "list" and field.elements == "dict"))


COLUMNS = _column_fields()
NOT_COLUMNS = dict((field.name, field) for field in EXTENSION.fields if field.name not in COLUMNS)
NOT_COLUMN = ("%s is a list of settings per presence status, which a cell cannot hold: set it in the playbook "
              "(see the filter's documentation). ")


class RowProblem(Exception):
    def __init__(self, column, message):
        super(RowProblem, self).__init__(message)
        self.column = column
        self.message = message


def _records(data, delimiter):
    """(header columns, [(line, row)]) from community.general.read_csv's list (or its whole result), or from CSV text."""
    if isinstance(data, dict) and isinstance(data.get("list"), list):
        data = data["list"]
    if isinstance(data, str):
        return _records_from_text(to_text(data), delimiter)
    if not isinstance(data, (list, tuple)):
        raise AnsibleFilterError(
            "extensions_from_csv expects the list of rows from community.general.read_csv (its 'list', read without "
            "'key') or the text of a CSV file, got %s" % type(data).__name__)
    records = []
    columns = []
    for index, row in enumerate(data):
        if not isinstance(row, dict):
            raise AnsibleFilterError("extensions_from_csv: row %d (CSV line %d) is %s, not a dictionary of columns"
                                     % (index + 1, index + 2, type(row).__name__))
        columns.extend(column for column in row if column not in columns)
        records.append((index + 2, row))
    return columns, records


def _records_from_text(text, delimiter):
    reader = csv.reader(io.StringIO(text), delimiter=delimiter)
    header = None
    records = []
    for cells in reader:
        if header is None:
            header = cells
            names = [_column_name(cell) for cell in cells]
            twice = repeated(names)
            if twice:
                raise AnsibleFilterError("extensions_from_csv: CSV line 1 (header): column %s appears more than once"
                                         % ", ".join(twice))
            continue
        if not any(cell.strip() for cell in cells):
            continue
        row = dict(zip(header, cells))
        if len(cells) > len(header):
            row[None] = cells[len(header):]
        # The line a record starts on: the reader's count is where it ends.
        records.append((reader.line_num - sum(cell.count("\n") for cell in cells), row))
    return header or [], records


def _column_name(column):
    """A header cell as an option name: surrounding spaces and a spreadsheet's byte order mark do not count."""
    return to_text(column).replace(u"\ufeff", u"").strip()


def _check_header(columns, records):
    """Every column must be an option a cell can hold; an unnamed column may only be empty."""
    unknown = []
    for column in columns:
        if column is None:
            continue
        name = _column_name(column)
        if name == "":
            filled = [line for line, row in records if to_text(row.get(column) or "").strip()]
            if filled:
                raise AnsibleFilterError("extensions_from_csv: CSV line 1 (header): a column without a name has "
                                         "values (first on line %d); name it or empty it" % filled[0])
        elif name not in COLUMNS:
            unknown.append(name)
    if unknown:
        explained = [NOT_COLUMN % name for name in unknown if name in NOT_COLUMNS]
        raise AnsibleFilterError(
            "extensions_from_csv: CSV line 1 (header): unknown column%s %s. %sThe columns are the options of "
            "telephony.pbx.yeastar_extension that a cell can hold: %s" % (
                "" if len(unknown) == 1 else "s", ", ".join(repr(name) for name in unknown),
                "".join(explained), ", ".join(sorted(COLUMNS))))
    if "number" not in [_column_name(column) for column in columns if column is not None] and records:
        raise AnsibleFilterError("extensions_from_csv: CSV line 1 (header): the column number, which identifies each "
                                 "extension, is missing")


def _as_bool(text):
    word = text.lower()
    if word in TRUE_WORDS:
        return True
    if word in FALSE_WORDS:
        return False
    raise ValueError("must be a boolean: one of %s" % ", ".join(TRUE_WORDS + FALSE_WORDS))


def _split(text, separator):
    return [item.strip() for item in text.split(separator) if item.strip()]


def _value(field, cell, separator):
    """A cell's text as the option's value; None for an empty cell."""
    if cell is None:
        return None
    if not isinstance(cell, str):
        # read_csv gives text; a number here came from a hand-built list and loses leading zeros.
        cell = to_text(cell)
    text = cell if field.secret else cell.strip()
    if text == "":
        return None
    try:
        if field.type == "bool":
            value = _as_bool(text)
        elif field.type == "int":
            try:
                value = int(text)
            except ValueError:
                raise ValueError("must be a whole number, got %r" % text)
        elif field.type == "list":
            value = _split(text, separator)
            if not value:
                return None
        else:
            value = text
        if field.choices:
            for item in (value if isinstance(value, list) else [value]):
                if item not in field.choices:
                    raise ValueError("must be one of %s, got %r" % (", ".join(str(c) for c in field.choices), item))
        field.validate(value)
    except ValueError as problem:
        raise RowProblem(field.name, "%s %s" % (field.name, problem))
    except InputError as problem:
        # The spec's messages name the option and never show a secret's value.
        raise RowProblem(field.name, str(problem))
    return value


def _check_secret(name, value, where):
    if not isinstance(value, str) or value == "":
        raise AnsibleFilterError("extensions_from_csv: %s must be a non-empty string" % where)
    try:
        EXTENSION.by_name[name].validate(value, where)
    except InputError as problem:
        raise AnsibleFilterError("extensions_from_csv: %s" % problem)


def extensions_from_csv(data, separator=";", user_password=None, reg_password=None, vm_pin=None, secrets=None,
                        defaults=None, delimiter=","):
    """Rows of a spreadsheet as yeastar_config extensions; see extensions_from_csv.yml."""
    if not isinstance(delimiter, str) or len(delimiter) != 1 or delimiter in ('"', "\n", "\r"):
        raise AnsibleFilterError("extensions_from_csv: delimiter must be a single character such as ',' or ';'")
    if delimiter == separator:
        raise AnsibleFilterError("extensions_from_csv: delimiter and separator are both %r; with ';' between cells, "
                                 "separate names in a cell with another character, for example separator='|'"
                                 % delimiter)
    if not isinstance(separator, str) or len(separator) != 1 or separator.isspace():
        raise AnsibleFilterError("extensions_from_csv: separator must be a single character such as ';' or '|'")
    fallback = {}
    for name, value in (("user_password", user_password), ("reg_password", reg_password), ("vm_pin", vm_pin)):
        if value is not None:
            _check_secret(name, value, name)
            fallback[name] = value
    secrets = _by_number(secrets)
    defaults = _defaults(defaults, separator)

    problems = []
    extensions = []
    seen = dict((name, {}) for name in UNIQUE)
    columns, records = _records(data, delimiter)
    _check_header(columns, records)
    for line, row in records:
        try:
            extension = _row(row, separator)
        except RowProblem as problem:
            problems.append("CSV line %d: %s" % (line, problem.message))
            continue
        if extension is None:
            continue
        clashes = []
        for name in UNIQUE:
            value = extension.get(name)
            if value in (None, ""):
                continue
            key = value.lower() if name == "email_addr" else value
            if key in seen[name]:
                clashes.append("CSV line %d: %s %r is already on line %d; each extension needs its own"
                               % (line, name, value, seen[name][key]))
            else:
                seen[name][key] = line
        if clashes:
            problems.extend(clashes)
            continue
        merged = dict(defaults)
        merged.update(fallback)
        merged.update(secrets.get(extension["number"], {}))
        merged.update(extension)
        extensions.append(merged)

    if problems:
        shown = problems[:MAX_ERRORS]
        if len(problems) > MAX_ERRORS:
            shown.append("... and %d more" % (len(problems) - MAX_ERRORS))
        raise AnsibleFilterError("extensions_from_csv: %d problem%s in the CSV, nothing was imported:\n%s" % (
            len(problems), "" if len(problems) == 1 else "s", "\n".join(shown)))
    unknown = sorted(set(secrets) - set(e["number"] for e in extensions))
    if unknown:
        raise AnsibleFilterError("extensions_from_csv: secrets are given for extension%s %s, which no CSV row has"
                                 % ("" if len(unknown) == 1 else "s", ", ".join(unknown)))
    return extensions


def _row(row, separator):
    """One CSV row as an extension dict with only the cells that are set; None for an empty row."""
    extra = row.get(None)
    if extra and any(to_text(cell).strip() for cell in extra):
        raise RowProblem("(beyond the last)", "the row has %d more cell%s than the header has columns"
                         % (len(extra), "" if len(extra) == 1 else "s"))
    extension = {}
    for column, cell in row.items():
        name = _column_name(column) if column is not None else ""
        if name == "":
            continue
        value = _value(COLUMNS[name], cell, separator)
        if value is not None:
            extension[name] = value
    if not extension:
        return None
    if "number" not in extension:
        raise RowProblem("number", "number is empty; every row needs the extension number (digits only, at most 7)")
    return extension


def _unknown_option(name):
    if name in NOT_COLUMNS:
        return "cannot be set here: " + (NOT_COLUMN % name).strip()
    return "is not an option a cell can hold; the options are: %s" % ", ".join(sorted(COLUMNS))


def _by_number(secrets):
    if secrets is None:
        return {}
    if not isinstance(secrets, dict):
        raise AnsibleFilterError("extensions_from_csv: secrets must be a dictionary of extension numbers to "
                                 "dictionaries of user_password, reg_password and vm_pin")
    checked = {}
    for number, values in secrets.items():
        number = to_text(number)
        if not isinstance(values, dict):
            raise AnsibleFilterError("extensions_from_csv: secrets[%s] must be a dictionary with user_password, "
                                     "reg_password or vm_pin" % number)
        wrong = sorted(set(values) - set(SECRETS))
        if wrong:
            raise AnsibleFilterError("extensions_from_csv: secrets[%s] may hold only %s, got %s" % (
                number, ", ".join(SECRETS), ", ".join(wrong)))
        for name, value in values.items():
            _check_secret(name, value, "secrets[%s].%s" % (number, name))
        checked[number] = dict(values)
    return checked


def _defaults(defaults, separator):
    """Options every row gets unless its own cell says otherwise (for example role: Employee)."""
    if defaults is None:
        return {}
    if not isinstance(defaults, dict):
        raise AnsibleFilterError("extensions_from_csv: defaults must be a dictionary of option names to values")
    checked = {}
    for name, value in defaults.items():
        if name in UNIQUE:
            raise AnsibleFilterError("extensions_from_csv: defaults cannot set %s, which must differ between "
                                     "extensions" % name)
        if name in SECRETS:
            raise AnsibleFilterError("extensions_from_csv: give %s as its own argument (%s=...), not in defaults"
                                     % (name, name))
        if name not in COLUMNS:
            raise AnsibleFilterError("extensions_from_csv: defaults.%s %s" % (name, _unknown_option(name)))
        field = COLUMNS[name]
        if field.type == "list" and isinstance(value, (list, tuple)):
            value = separator.join(to_text(item) for item in value)
        elif isinstance(value, bool):
            value = "true" if value else "false"
        try:
            converted = _value(field, to_text(value), separator)
        except RowProblem as problem:
            raise AnsibleFilterError("extensions_from_csv: defaults.%s %s" % (name, problem.message))
        if converted is not None:
            checked[name] = converted
    return checked


class FilterModule(object):
    def filters(self):
        return {"extensions_from_csv": extensions_from_csv}

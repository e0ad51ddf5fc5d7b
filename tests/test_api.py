"""The documented Python API: docs/api.md runs as a doctest and names exactly ``awskg.__all__``."""

from __future__ import annotations

import doctest
import re
import subprocess
import sys
from pathlib import Path

import awskg

API = Path(__file__).resolve().parents[1] / "docs" / "api.md"


def test_the_api_page_runs():
    result = doctest.testfile(
        str(API), module_relative=False, globs={}, optionflags=doctest.ELLIPSIS, report=True, verbose=False
    )
    assert result.attempted >= 25, "the examples of docs/api.md were not found"
    assert result.failed == 0, "an example in docs/api.md does not do what the page says (see the output above)"


def test_the_documented_names_are_all():
    documented = re.findall(r"^### `awskg\.(\w+)`$", API.read_text("utf-8"), flags=re.MULTILINE)
    assert len(documented) == len(set(documented)), "a name is documented twice"
    assert set(documented) == set(awskg.__all__)


def test_every_public_name_is_there_and_dir_lists_it():
    for name in awskg.__all__:
        value = getattr(awskg, name)
        assert callable(value) or isinstance(value, type), name  # a function or a class, each one documented
    assert set(awskg.__all__) <= set(dir(awskg))


def test_the_query_api_is_what_the_commands_call():
    from awskg.explorer import compare, neighbors, paths, question, quiz, search

    assert awskg.relate is paths.relate and awskg.ask is question.ask and awskg.search is search.search
    assert awskg.compare is compare.compare and awskg.neighbors is neighbors.neighbors
    assert awskg.questions is quiz.questions


def test_importing_awskg_stays_light():
    code = "import sys, awskg; print(','.join(m for m in sys.modules if m.startswith(('awskg.explorer', 'awskg.exports', 'awskg.notebook', 'rdflib', 'genanki', 'pyvis', 'jinja2'))))"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout.strip()
    assert out == ""

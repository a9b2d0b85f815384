"""The C YAML loader reads every YAML file of the project exactly as the pure
Python SafeLoader does: the same data and the same lines for every node, so
messages that name a line do not move; and a broken file still names its line."""
from pathlib import Path

import pytest
import yaml

from analysis.corpus import translations
from analysis.paths import PATHS
from analysis.text import yamlfile

FILES = sorted(p for p in PATHS.root.glob("**/*.y*ml")
               if p.suffix in (".yml", ".yaml") and not {".venv", "_build", "node_modules", ".git"}
               & set(p.relative_to(PATHS.root).parts))


def _lines(node, out):
    out.append((type(node).__name__, node.tag, node.start_mark.line, node.start_mark.column,
                node.end_mark.line))
    if isinstance(node, yaml.MappingNode):
        for k, v in node.value:
            _lines(k, out)
            _lines(v, out)
    elif isinstance(node, yaml.SequenceNode):
        for v in node.value:
            _lines(v, out)
    return out


def test_it_is_the_c_loader():
    assert yaml.__with_libyaml__ and yamlfile.SafeLoader is yaml.CSafeLoader


def test_there_are_files_to_compare():
    rel = {str(p.relative_to(PATHS.root)) for p in FILES}
    assert "_toc.yml" in rel and any(r.startswith("data/annotations/") for r in rel)
    assert any(r.startswith("data/translations/") for r in rel)


@pytest.mark.parametrize("path", FILES, ids=lambda p: str(p.relative_to(PATHS.root)))
def test_the_c_loader_reads_what_the_pure_loader_reads(path: Path):
    text = path.read_bytes().decode("utf-8-sig")
    data, node = yamlfile.load_with_node(text)
    pure_data, pure_node = yamlfile.load_with_node(text, yaml.SafeLoader)
    assert data == pure_data == yaml.safe_load(text)
    assert (node is None) == (pure_node is None)
    if node is not None:
        assert _lines(node, []) == _lines(pure_node, [])


@pytest.mark.parametrize("text, line", [("a: 1\nb: [1, 2\nc: 3\n", 3), ("a: 1\n  b: 2\n", 2),
                                        ("claims:\n  - id: x\n    quote: \"open\n", 4)])
def test_a_broken_file_still_names_its_line(text, line):
    for loader in (yamlfile.SafeLoader, yaml.SafeLoader):
        with pytest.raises(yaml.YAMLError) as err:
            yamlfile.load_with_node(text, loader)
        assert err.value.problem_mark.line + 1 == line, loader


def test_translation_lines_come_through_the_c_loader():
    doc = yaml.load("article: '001'\nparagraphs:\n  - n: 1\n    starts: x\n    en: y\n",
                    Loader=translations._LineLoader)  # noqa: S506
    assert doc["__line__"] == 1 and doc["paragraphs"][0]["__line__"] == 3

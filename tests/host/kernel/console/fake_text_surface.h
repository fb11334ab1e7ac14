// FakeTextSurface: an in-memory TextSurface for terminal tests and the terminal
// fuzz target. Every call is checked against the TextSurface contract (in-range
// coordinates and counts); a violation aborts, which fails a test or the fuzzer.
#pragma once

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <vector>

#include "kernel/console/text_surface.h"

class FakeTextSurface final : public TextSurface {
public:
    struct Cell {
        u32 codepoint { ' ' };
        CellAttr attr {};
    };

    FakeTextSurface(u32 columns, u32 rows)
        : m_columns(columns)
        , m_rows(rows)
        , m_cells(usize(columns) * rows)
    {
    }

    u32 columns() const override { return m_columns; }
    u32 rows() const override { return m_rows; }

    void put_cell(u32 col, u32 row, u32 codepoint, CellAttr attr) override
    {
        check(col < m_columns && row < m_rows, "put_cell");
        check(attr.fg < 16 && attr.bg < 16, "put_cell colour");
        at(col, row) = Cell { codepoint, attr };
    }
    void clear_span(u32 col, u32 row, u32 count, CellAttr attr) override
    {
        check(col <= m_columns && row < m_rows && count <= m_columns - col, "clear_span");
        check(attr.fg < 16 && attr.bg < 16, "clear_span colour");
        for (u32 i = 0; i < count; ++i)
            at(col + i, row) = Cell { ' ', attr };
    }
    void copy_rows(u32 dst_row, u32 src_row, u32 count) override
    {
        check(dst_row <= m_rows && src_row <= m_rows, "copy_rows start");
        check(count <= m_rows - dst_row && count <= m_rows - src_row, "copy_rows count");
        std::vector<Cell> copy(m_cells.begin() + usize(src_row) * m_columns,
            m_cells.begin() + usize(src_row + count) * m_columns);
        std::copy(copy.begin(), copy.end(), m_cells.begin() + usize(dst_row) * m_columns);
        ++copy_rows_calls;
    }
    void copy_span(u32 row, u32 dst_col, u32 src_col, u32 count) override
    {
        check(row < m_rows && dst_col <= m_columns && src_col <= m_columns, "copy_span start");
        check(count <= m_columns - dst_col && count <= m_columns - src_col, "copy_span count");
        std::vector<Cell> copy(&at(0, row) + src_col, &at(0, row) + src_col + count);
        std::copy(copy.begin(), copy.end(), &at(0, row) + dst_col);
    }
    void set_cursor(u32 col, u32 row, bool visible) override
    {
        check(col < m_columns && row < m_rows, "set_cursor");
        cursor_col = col;
        cursor_row = row;
        cursor_visible = visible;
    }

    Cell& at(u32 col, u32 row) { return m_cells[usize(row) * m_columns + col]; }
    // The row's characters (ASCII only; anything else shows as '#'), trailing
    // blanks trimmed: readable test expectations.
    std::string row_text(u32 row)
    {
        std::string text;
        for (u32 col = 0; col < m_columns; ++col) {
            u32 cp = at(col, row).codepoint;
            text += cp < 0x80 ? char(cp) : '#';
        }
        while (!text.empty() && text.back() == ' ')
            text.pop_back();
        return text;
    }

    u32 cursor_col { 0 };
    u32 cursor_row { 0 };
    bool cursor_visible { false };
    u32 copy_rows_calls { 0 };

private:
    static void check(bool ok, char const* what)
    {
        if (!ok) {
            fprintf(stderr, "FakeTextSurface: contract violated in %s\n", what);
            abort();
        }
    }

    u32 m_columns;
    u32 m_rows;
    std::vector<Cell> m_cells;
};

package ru.parta.organizations;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The organisation tree. Units are archived, never deleted, so history keeps its context. */
@Repository
public class Units {

    private final JdbcClient jdbc;

    Units(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<Unit> find(long id) {
        return jdbc.sql("select * from units where id = ?")
                .param(id)
                .query(Units::unit)
                .optional();
    }

    public List<Unit> children(long parentId) {
        return jdbc.sql(
                        "select * from units where parent_id = ? and archived_at is null order by kind, grade nulls first, name")
                .param(parentId)
                .query(Units::unit)
                .list();
    }

    /** Archived children, e.g. classes that graduated; their generated chats are emptied by the next sync. */
    public List<Unit> archivedChildren(long parentId) {
        return jdbc.sql("select * from units where parent_id = ? and archived_at is not null order by id")
                .param(parentId)
                .query(Units::unit)
                .list();
    }

    public List<Unit> roots() {
        return jdbc.sql("select * from units where parent_id is null and archived_at is null order by name")
                .query(Units::unit)
                .list();
    }

    /** The unit and its ancestors, nearest first. */
    public List<Unit> lineage(long id) {
        List<Unit> result = new ArrayList<>();
        Optional<Unit> current = find(id);
        while (current.isPresent()) {
            result.add(current.get());
            current = current.get().parentId() == null
                    ? Optional.empty()
                    : find(current.get().parentId());
        }
        return result;
    }

    public Optional<Unit> ancestorOfKind(long id, UnitKind kind) {
        return lineage(id).stream().filter(u -> u.kind() == kind).findFirst();
    }

    public Optional<Unit> activeChild(long parentId, UnitKind kind, String name) {
        return jdbc.sql("select * from units where parent_id = ? and kind = ? and name = ? and archived_at is null")
                .params(parentId, kind.name(), name)
                .query(Units::unit)
                .optional();
    }

    public long create(Long parentId, UnitKind kind, String name, Integer grade) {
        return jdbc.sql("insert into units (parent_id, kind, name, grade) values (?, ?, ?, ?) returning id")
                .params(parentId, kind.name(), name, grade)
                .query(Long.class)
                .single();
    }

    public void rename(long id, String name, Integer grade) {
        jdbc.sql("update units set name = ?, grade = ? where id = ?")
                .params(name, grade, id)
                .update();
    }

    public void archive(long id) {
        jdbc.sql("update units set archived_at = now() where id = ? and archived_at is null")
                .param(id)
                .update();
    }

    public void settings(long id, LocalDate deadline, String timeZone) {
        jdbc.sql("update units set deadline = coalesce(?, deadline), time_zone = coalesce(?, time_zone) where id = ?")
                .params(deadline, timeZone, id)
                .update();
    }

    static Unit unit(ResultSet rs, int n) throws SQLException {
        long parent = rs.getLong("parent_id");
        Long parentId = rs.wasNull() ? null : parent;
        int grade = rs.getInt("grade");
        Integer g = rs.wasNull() ? null : grade;
        var deadline = rs.getDate("deadline");
        return new Unit(
                rs.getLong("id"),
                parentId,
                UnitKind.valueOf(rs.getString("kind")),
                rs.getString("name"),
                g,
                rs.getString("time_zone"),
                deadline == null ? null : deadline.toLocalDate(),
                rs.getTimestamp("archived_at") != null);
    }
}

package io.github.pgnotifications.internal.contracts;

import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.dialect.Dialect;
import com.networknt.schema.dialect.Dialects;
import com.networknt.schema.keyword.AnnotationKeyword;
import io.github.pgnotifications.internal.json.JsonWriter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The one place that knows the JSON Schema implementation (networknt's json-schema-validator, relocated inside our
 * jar with its Jackson 3): a registry of the 2020-12 dialect that also knows our {@code x-} annotations, so they are
 * kept as annotations instead of being logged as unknown keywords. Every contract is 2020-12, so its
 * {@code $schema} is left out when compiling: naming the dialect would make the library load and check the
 * meta-schema documents, which costs the first compile time and tells us nothing.
 */
final class JsonSchemaLibrary {

    /** The annotations our contracts carry beside the standard keywords. */
    static final List<String> ANNOTATIONS = List.of("x-pg-notifications", "x-sql-type", "x-java-type");

    /** Compiles every contract; holds only the dialect and a cache of schemas loaded by URI, which we never load. */
    private static final SchemaRegistry REGISTRY = SchemaRegistry.withDefaultDialect(dialect());

    private JsonSchemaLibrary() {
    }

    /** The contract's schema compiled, its {@code $ref}s resolved now rather than at the first payload. */
    static Schema compile(Map<String, Object> schema) {
        Map<String, Object> withoutDialect = new LinkedHashMap<>(schema);
        withoutDialect.remove("$schema");
        Schema compiled = REGISTRY.getSchema(JsonWriter.write(withoutDialect), InputFormat.JSON);
        compiled.initializeValidators();
        return compiled;
    }

    private static Dialect dialect() {
        Dialect.Builder builder = Dialect.builder(Dialects.getDraft202012());
        ANNOTATIONS.forEach(name -> builder.keyword(new AnnotationKeyword(name)));
        return builder.build();
    }
}

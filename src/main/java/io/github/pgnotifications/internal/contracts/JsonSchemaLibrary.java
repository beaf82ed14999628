package io.github.pgnotifications.internal.contracts;

import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.dialect.Dialect;
import com.networknt.schema.dialect.Dialects;
import com.networknt.schema.keyword.AnnotationKeyword;
import io.github.pgnotifications.internal.json.JsonWriter;
import java.util.List;
import java.util.Map;

/**
 * The one place that knows the JSON Schema implementation (networknt's json-schema-validator, relocated inside our
 * jar with its Jackson 3): a registry of the 2020-12 dialect that also knows our {@code x-} annotations, so they are
 * kept as annotations instead of being logged as unknown keywords.
 */
final class JsonSchemaLibrary {

    /** The annotations our contracts carry beside the standard keywords. */
    static final List<String> ANNOTATIONS = List.of("x-pg-notifications", "x-sql-type", "x-java-type");

    /** Compiles every contract; holds only the dialect and a cache of schemas loaded by URI, which we never load. */
    private static final SchemaRegistry REGISTRY = SchemaRegistry.withDialect(dialect());

    private JsonSchemaLibrary() {
    }

    /** The contract's schema compiled, its {@code $ref}s resolved now rather than at the first payload. */
    static Schema compile(Map<String, Object> schema) {
        Schema compiled = REGISTRY.getSchema(JsonWriter.write(schema), InputFormat.JSON);
        compiled.initializeValidators();
        return compiled;
    }

    private static Dialect dialect() {
        Dialect.Builder builder = Dialect.builder(Dialects.getDraft202012());
        ANNOTATIONS.forEach(name -> builder.keyword(new AnnotationKeyword(name)));
        return builder.build();
    }
}

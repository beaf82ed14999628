package io.github.pgnotifications.internal.spring;

import io.github.pgnotifications.ConnectionInfo;
import io.github.pgnotifications.internal.provision.Jdbc;
import javax.sql.DataSource;
import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;

/**
 * For a plain Spring context that defines no DataSource (Spring Boot's auto-configuration defines one, from the
 * {@code spring.datasource} properties): registers the test database's, so that what needs one finds it.
 */
final class DataSourceIfNoneDefined implements BeanFactoryPostProcessor {

    private final ConnectionInfo database;

    DataSourceIfNoneDefined(ConnectionInfo database) {
        this.database = database;
    }

    @Override
    public void postProcessBeanFactory(ConfigurableListableBeanFactory beans) {
        if (beans.getBeanNamesForType(DataSource.class, true, false).length == 0) {
            beans.registerSingleton("dataSource", Jdbc.dataSource(database));
        }
    }
}
